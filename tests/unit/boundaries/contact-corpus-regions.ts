import type { ContactKind } from '../../../utils/boundaries/contact-details';

/**
 * More true and false cases, EN and FR, from the four regions Vigie serves (Québec, rest of Canada, France, UK) and
 * the francophone families of Belgium and Switzerland, written for this test (not real messages; the numbers are
 * fictional-range numbers: UK 07700 900xxx / 020 7946 0xxx, NANP 555-01xx, and made-up FR/BE/CH numbers).
 *
 * Some cases come from a template crossed with a list ("Call me on {n}" × numbers): the expected kinds are the
 * template's, written by hand, never computed by the detector.
 */
type Case = { text: string; expect: ContactKind[] };

// — Phone numbers as people write them, per country (each is a real numbering-plan shape).
const UK = ['07700 900123', '07911 123456', '+44 7911 123456', '+44 7700 900123', '020 7946 0958', '+447700900123', '07700900123', '07700 900 123', '0161 496 0000', '01632 960000', '+44 20 7946 0958', '0044 7700 900123', '+44 (0)20 7946 0958', '0800 123 4567'];
const BE = ['+32 470 12 34 56', '0470 12 34 56', '02 123 45 67', '+32 2 123 45 67', '0032 470 12 34 56', '071 12 34 56'];
const CH = ['+41 79 123 45 67', '079 123 45 67', '044 668 18 00', '+41 44 668 18 00', '0041 79 123 45 67'];
const FR = ['06 12 34 56 79', '07.81.22.33.44', '+33 6 12 34 56 78', '0612345678', '01 42 68 53 00'];
const NA = ['514-555-0123', '(438) 555-0199', '+1 416 555 0142', '1-800-555-0199', '604.555.0177'];

const EN_PHONE_FRAMES = ['Call me on {n}', 'WhatsApp me on {n}', 'my mobile is {n}', 'Text me: {n}', 'Ring {n} after school', 'You can reach me at {n} tonight'];
const FR_PHONE_FRAMES = ['Appelle-moi au {n}', 'Mon portable : {n}', 'Écris-moi au {n} ce soir', 'joignable au {n}', 'mon numéro perso {n}', 'Texte-moi au {n}'];

const framed = (frames: readonly string[], numbers: readonly string[]): Case[] =>
  frames.flatMap((f) => numbers.map((n) => ({ text: f.replace('{n}', n), expect: ['phone'] as ContactKind[] })));

// WhatsApp in a frame is also an app name, but not an invitation shape; the frames were chosen so only "phone" applies.
const PHONES: Case[] = [
  ...framed(EN_PHONE_FRAMES, [...UK, ...NA.slice(0, 2)]),
  ...framed(FR_PHONE_FRAMES, [...FR, ...BE, ...CH, ...NA.slice(2)]),
];

// — Disguised details.
const DISGUISED: Case[] = [
  { text: 'write to jane.doe [at] gmail [dot] com', expect: ['personalEmail'] },
  { text: 'jane.doe (at) gmail (dot) com', expect: ['personalEmail'] },
  { text: 'jane.doe{at}hotmail{dot}fr', expect: ['personalEmail'] },
  { text: 'mon mail : prof.roy [arobase] videotron [point] ca', expect: ['personalEmail'] },
  { text: 'prof.roy arobase videotron.ca', expect: ['personalEmail'] },
  { text: 'email jane at gmail dot com', expect: ['personalEmail'] },
  { text: 'jane at gmail.com', expect: ['personalEmail'] },
  { text: 'jane＠gmail.com', expect: ['personalEmail'] },
  { text: 'jane.doe@gmail dot com', expect: ['personalEmail'] },
  { text: 'm.martin chez orange point fr', expect: ['personalEmail'] },
  { text: 'mr.smith (at) yahoo (dot) co (dot) uk', expect: ['personalEmail'] },
  { text: 'jane<at>icloud<dot>com', expect: ['personalEmail'] },
  { text: 'Mon portable : ０６ １２ ３４ ５６ ７８', expect: ['phone'] },
  { text: 'call ０７７００ ９００１２３', expect: ['phone'] },
  { text: 'tél 06\u200B12\u200B34\u200B56\u200B78', expect: ['phone'] },
  { text: 'call 0770\u200D0 900\u2060123', expect: ['phone'] },
  { text: 'mon numéro 06\u00AD12\u00AD34\u00AD56\u00AD78', expect: ['phone'] },
  { text: 'zero six one two three four five six seven eight', expect: ['phone'] },
  { text: 'call me zero seven seven zero zero nine zero zero one two three', expect: ['phone'] },
  { text: 'zéro six douze', expect: [] },
  { text: 'appelle-moi au zéro six, un, deux, trois, quatre, cinq, six, sept, huit', expect: ['phone'] },
  { text: 'mon num : zero-six-un-deux-trois-quatre-cinq-six-sept-huit', expect: ['phone'] },
  { text: 'my number five one four five five five zero one two three', expect: ['phone'] },
  { text: 'jane.doe@gmail.com\u200B', expect: ['personalEmail'] },
  { text: 'j\u200Bane@g\u200Bmail.com', expect: ['personalEmail'] },
  { text: '+44\u00A07700\u00A0900123', expect: ['phone'] },
  { text: '06\u202F12\u202F34\u202F56\u202F78', expect: ['phone'] },
  { text: 'snap (at) coolteach22 ou ajoute-moi sur snap', expect: ['socialHandle', 'invitation'] },
];

// — Things a teacher really writes to a class, in all four regions: nothing here may warn.
const CLASS_LIFE: string[] = [
  'Devoir p. 45–67 pour le 12/11',
  'Room 2045',
  'ISBN 978-2-07-036822-8',
  'Exam 09:00–11:30',
  'Score 45/50',
  'Homework: pages 12-18, due 03/12',
  'Salle B-204, 2e étage',
  'Rendez-vous en salle 112 à 10 h 15',
  'Le cours commence à 8 h 30 et finit à 15 h 45',
  'Test on 14 Nov, 1:15pm, room 3.14',
  'Année scolaire 2026-2027',
  'Trimestre 1 : du 02/09/2026 au 28/11/2026',
  'Term dates: 5 Jan 2027 – 27 Mar 2027',
  'Tarif de la sortie : 12,50 € par élève',
  'Trip costs £15.00, pay by 20/11',
  'The field trip costs $25.75 (tax included)',
  'Moyenne de la classe : 14,5/20',
  'Grade boundaries: 72/100 for a 7',
  'Lire le chapitre 3, pages 101 à 134',
  'Exercices 4, 5 et 7 page 88',
  'Question 12: 3x + 4 = 19, so x = 5',
  'Calculez 1 234 × 56 = 69 104',
  'Résous 12 345 + 67 890 = 80 235',
  'Le nombre 1 000 000 s’écrit avec six zéros',
  'La Révolution : 1789-1799',
  'WWII lasted 1939–1945',
  'Code de la classe : 7fq2xkp',
  'Class code: ab12cd3',
  'Join code 845 221',
  'Meeting ID 845 2213 0987 for the parents evening',
  'ID de réunion : 312 445 9876',
  'Candidate number 4021, centre 12345',
  'Numéro d’élève 20261234',
  'Student ID 100456789',
  'UCAS code G400',
  'Matricule 1234567',
  'Local 2.045, pavillon B',
  'Bus 67 leaves at 15:10 from stop 4',
  'Prenez la ligne 14 jusqu’à la station 3',
  'Temperature: -3 °C to 4 °C',
  'Vitesse : 299 792 458 m/s',
  'Pi ≈ 3.14159265358979',
  'Avogadro: 6.022 × 10^23',
  'Coordinates 48.8566, 2.3522',
  'Le code postal de l’école est H2X 1Y4',
  'School address: 10 Downing Road, London SW1A 2AA',
  'École, 12 rue des Lilas, 75011 Paris',
  'Collège, 1234 boulevard Saint-Laurent, Montréal',
  'Office: 020 is the London code, 0161 Manchester',
  'Les indicatifs : +33 pour la France, +1 pour le Canada',
  'Dial 999 in an emergency, 111 for NHS advice',
  'En cas d’urgence, composez le 112 ou le 15',
  'Urgence : 911',
  'Jeunesse, J’écoute : parle à quelqu’un',
  'Childline is there for you, any time',
  'Version 2.3.10 of the app',
  'Update to 10.0.19045',
  'Chapitre 12.3.4',
  'Section 4.2.1.7',
  'Séance 05/12 de 14:00 à 15:30',
  'Retour des copies le 06/12',
  'Les 06 et 07 décembre : pas de cours',
  'Groupes 1 à 12, 28 élèves par groupe',
  'Rangs 06 12 et 34 au premier trimestre',
  'Note finale : 17/20',
  'Mark scheme: 2 marks for (a), 3 for (b)',
  'Répondez à (a) et (b)',
  'Answer (a) above',
  'Voir la question (a) ci-dessous',
  'Le TP 2 dure 1h30',
  'Durée : 2 h 30 min',
  'Date limite : 2026-12-18 à 23 h 59',
  'Deadline 2026-12-18T23:59',
  'Year 9 set 3, period 4',
  'Yr 11 mock exams 12–16 Jan',
  '4e B, 3e A, 2nde 5',
  'Secondaire 3, groupe 31',
  'Grade 7 science, unit 4',
  'Lot 42, colis 7 sur 12',
  'Stock: 1200 cahiers, 300 classeurs',
  'Budget 2026 : 12 000 €',
  '£1,250.00 raised for charity',
  'Recette : 250 g de farine, 3 œufs',
  'Distance 42,195 km',
  'Hauteur 8 848 m',
  'Population of Québec: 8 900 000',
  'Mesure : 12,5 cm × 7,2 cm',
  'Vol AC 870 à 18 h 45',
  'Train 6123 depart 07:42',
  'Siège 12A, voiture 14',
  'Locker 0712',
  'Casier 0612',
  'Table 06, chaise 12',
  'Exam room 07 seat 70',
  'Run 3 x 400 m, rest 90 s',
  'Lap times 1:02, 1:05, 0:59',
  'Les élèves 06, 12, 34, 56 et 78 passent à l’oral',
  'Numbers 07, 70, 09 and 00 are drawn',
  'Tirage : 06 - 12 - 34 - 56 - 78',
  'Sequence: 0, 7, 7, 0, 0, 9, 0, 0, 1, 2, 3',
  'Écrivez les nombres de zéro à neuf',
  'Count from one to ten: one, two, three',
  'Un, deux, trois, nous irons au bois',
  'Six of one, half a dozen of the other',
  'Rendez-vous à sept heures',
  'Il y a un deux-pièces à louer (exemple de vocabulaire)',
  'Meet at school.com? No: meet at the school gate',
  'Look at page 4',
  'We met at noon',
  'On se voit chez moi ? Non : chez le directeur',
  'Envoie ton devoir sur Classroom',
  'Send it to me on Teams',
  'Écris-moi sur Teams si tu as une question',
  'Message me on Seesaw',
  'Ask in the class chat',
  'Please email the school office',
  'Contactez le secrétariat de l’école',
  'Envoyez vos questions à secretariat@ecole-exemple.fr',
  'Questions? Write to office@school.example.org',
  'Write to your teacher using your school address',
  'Utilisez votre adresse @ecole.qc.ca',
  'The @ sign is called "arobase" in French',
  'Le symbole @ se dit « at » en anglais',
  'dot com bubble: 1995–2000',
  'Le point final de la phrase',
  'Great work today, everyone!',
  'Bravo à tous pour vos exposés',
  'N’oubliez pas vos calculatrices demain',
  'Remember your PE kit on Thursday',
  'La sortie au musée est le 14/03, départ 8 h 10',
  'Parents evening: 5:30pm–7:30pm, hall 2',
  'Réunion parents-profs : 17 h 30, salle 104',
  'Quiz 3: 10 questions, 20 minutes',
  'Les résultats du contrôle : 12, 14, 9, 17, 15',
  'Scores: 12 14 9 17 15 11 8 19 13 16',
  'Table de 7 : 7 14 21 28 35 42 49 56 63 70',
  'Multiples of 6: 6 12 18 24 30 36 42',
  'Powers of two: 2 4 8 16 32 64 128 256 512 1024',
  'Fibonacci: 1 1 2 3 5 8 13 21 34 55 89',
  'Primes under 30: 2 3 5 7 11 13 17 19 23 29',
  '0,1 + 0,2 = 0,3',
  '3/4 + 1/4 = 1',
  '(3 + 4) × (5 − 2) = 21',
  '(514) is a three-digit number',
  'f(x) = 2x² − 3x + 1',
  'Le résultat de 06 × 12 est 72',
  'Answer: 0.0612345678',
  'Ratio 1:2:3',
  'Ordre des opérations : 2 + 3 × 4 = 14',
  '12 % de 250 = 30',
  'Taux 4,75 %',
  'IBAN de l’association : voir le secrétariat',
  'Référence de commande : CMD-2026-001234',
  'Order ref 2026/11/000123',
  'Ticket #12345',
  'Invoice INV-0042',
  'Dossier n° 2026-0457',
  'Article L. 511-1 du code de l’éducation',
  'Loi n° 2019-791 du 26 juillet 2019',
  'Section 175 of the Education Act 2002',
  'DOI 10.1000/182',
  'ISSN 0317-8471',
  'ISBN 978-0-14-103614-4',
  'ISBN 0-306-40615-2',
  'Code-barres 3 760123 456789',
  'EAN 4006381333931',
  'Serial SN 1234-5678-9012',
  'Wi-Fi code in the library: ask the librarian',
  'Password reset: see the IT desk',
];

const FALSE_CASES: Case[] = CLASS_LIFE.map((text) => ({ text, expect: [] }));

// — Generated false cases: dates, times, ranges, scores and rooms in the forms class messages use. Each number is
// kept in a range that no numbering plan above accepts (short groups, "/" or ":" separators).
const GENERATED_FALSE: Case[] = [];
for (let i = 1; i <= 28; i++) {
  const d = String(i).padStart(2, '0');
  const m = String(((i * 5) % 12) + 1).padStart(2, '0');
  GENERATED_FALSE.push({ text: `Devoir pour le ${d}/${m}/2027, p. ${i * 3}–${i * 3 + 9}`, expect: [] });
  GENERATED_FALSE.push({ text: `Quiz on ${d}/${m}, ${8 + (i % 9)}:${String((i * 7) % 60).padStart(2, '0')}–${9 + (i % 9)}:15, room ${100 + i * 7}`, expect: [] });
  GENERATED_FALSE.push({ text: `Score ${i}/${30 + i}, moyenne ${10 + (i % 10)},${i % 10}/20`, expect: [] });
  GENERATED_FALSE.push({ text: `Séance ${i} : exercices ${i}.${(i % 5) + 1} à ${i}.${(i % 5) + 4}, salle ${String.fromCharCode(65 + (i % 6))}-${200 + i}`, expect: [] });
}

// — More true cases a teacher must be warned about: invitations and handles in all regions.
const MORE_TRUE: Case[] = [
  { text: 'add me on whatsapp +44 7700 900123', expect: ['phone', 'invitation'] },
  { text: 'ajoute-moi sur WhatsApp : +32 470 12 34 56', expect: ['phone', 'invitation'] },
  { text: 'écris-moi sur WhatsApp au 079 123 45 67', expect: ['phone', 'invitation'] },
  { text: 'my gmail is teacher.uk@gmail.com', expect: ['personalEmail'] },
  { text: 'contact perso : m.dupont@bluewin.ch', expect: ['personalEmail'] },
  { text: 'mon adresse : prof@skynet.be', expect: ['personalEmail'] },
  { text: 'write to me at mrsjones@btinternet.com', expect: ['personalEmail'] },
  { text: 'my email is mr.patel@sky.com', expect: ['personalEmail'] },
  { text: 'or mr.patel@virginmedia.com', expect: ['personalEmail'] },
  { text: 'insta: @mr.patel.teaches', expect: ['socialHandle'] },
  { text: 'snap me later', expect: ['invitation'] },
  { text: 'Follow me on TikTok @mrpatel', expect: ['socialHandle', 'invitation'] },
  { text: 'retrouvez-moi sur Instagram', expect: ['invitation'] },
];

export const REGION_CORPUS: Case[] = [...PHONES, ...DISGUISED, ...MORE_TRUE, ...FALSE_CASES, ...GENERATED_FALSE];
