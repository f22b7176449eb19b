// xml2js (already in node_modules through web-ext) has no bundled types; the ADMX test needs only this.
declare module 'xml2js' {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  export function parseStringPromise(xml: string, options?: { strict?: boolean }): Promise<any>;
}
