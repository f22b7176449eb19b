import type { Channel, Destination, EmergencyNumber } from './schema';

/** The links a destination card opens: tel:, sms:, the form in the UI language, the service's name. */

export function emergencyHref(n: EmergencyNumber): string {
  return `${n.sms ? 'sms' : 'tel'}:${n.number}`;
}

export function telHref(number: string): string {
  return `tel:${number.replace(/[^\d+]/g, '')}`;
}

export function smsHref(number: string): string {
  return `sms:${number.replace(/[^\d+]/g, '')}`;
}

/** The form URL for the UI language (French page when one is known, else the default). */
export function formUrl(channel: Extract<Channel, { kind: 'form' }>, lang: 'en' | 'fr'): string {
  return lang === 'fr' && channel.urlFr ? channel.urlFr : channel.url;
}

export function destName(d: Destination, lang: 'en' | 'fr'): string {
  return d.name[lang];
}
