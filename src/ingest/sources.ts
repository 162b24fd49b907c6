/** News agencies and publishers of the genre, with the country they report from. */
const AGENCIES: Array<[RegExp, string, string | null]> = [
  [/\bAZERTAC\b/i, 'AZERTAC', 'AZ'],
  [/\bAzer[Nn]ews\b/, 'Azernews', 'AZ'],
  [/\bTrend(?:\.az)?\b/, 'Trend', 'AZ'],
  [/\bAPA\b/, 'APA', 'AZ'],
  [/\bReport\.az\b/i, 'Report.az', 'AZ'],
  [/\bNews\.az\b/i, 'News.Az', 'AZ'],
  [/\bXinhua\b/i, 'Xinhua', 'CN'],
  [/\bCGTN\b/, 'CGTN', 'CN'],
  [/\bChina Daily\b/, 'China Daily', 'CN'],
  [/\bGlobal Times\b/, 'Global Times', 'CN'],
  [/\bKhovar\b/i, 'Khovar', 'TJ'],
  [/\bAsia-Plus\b/i, 'Asia-Plus', 'TJ'],
  [/\bKabar\b/, 'Kabar', 'KG'],
  [/\bAKIpress\b/i, 'AKIpress', 'KG'],
  [/\bKazinform\b/i, 'Kazinform', 'KZ'],
  [/\bTASS\b/, 'TASS', 'RU'],
  [/\bRIA Novosti\b/i, 'RIA Novosti', 'RU'],
  [/\bInterfax\b/, 'Interfax', 'RU'],
  [/\bSputnik\b/, 'Sputnik', 'RU'],
  [/\bAnadolu\b/, 'Anadolu Agency', 'TR'],
  // only as a whole dateline agency ('Ankara, 5 May, AA'): two letters are too common elsewhere
  [/^AA$/, 'Anadolu Agency', 'TR'],
  [/\bDaily Sabah\b/, 'Daily Sabah', 'TR'],
  [/\bDawn\b/, 'Dawn', 'PK'],
  [/\bAssociated Press of Pakistan\b|\bAPP\b/, 'APP', 'PK'],
  [/\bIRNA\b/, 'IRNA', 'IR'],
  [/\bTehran Times\b/, 'Tehran Times', 'IR'],
  [/\bArmenpress\b/i, 'Armenpress', 'AM'],
  [/\bBelTA\b/, 'BelTA', 'BY'],
  [/\bUzA\b/, 'UzA', 'UZ'],
  [/\bDunyo\b/, 'Dunyo', 'UZ'],
  [/\bGeorgia Today\b/, 'Georgia Today', 'GE'],
  [/\bAgenda\.ge\b/i, 'Agenda.ge', 'GE'],
  [/\bInterpressnews\b/i, 'Interpressnews', 'GE'],
  [/\bMontsame\b/i, 'Montsame', 'MN'],
  [/\bBernama\b/, 'Bernama', 'MY'],
  [/\bAntara\b/, 'Antara', 'ID'],
  [/\bYonhap\b/, 'Yonhap', 'KR'],
  [/\bKyodo\b/, 'Kyodo', 'JP'],
  [/\bPTI\b/, 'PTI', 'IN'],
  [/\bVietnam News Agency\b|\bVNA\b/, 'VNA', 'VN'],
  [/\bKUNA\b/, 'KUNA', 'KW'],
  [/\bWAM\b/, 'WAM', 'AE'],
  [/\bSaudi Press Agency\b|^SPA$/, 'SPA', 'SA'],
  [/\bQNA\b/, 'QNA', 'QA'],
  [/\bMENA\b/, 'MENA', 'EG'],
  [/\bPetra\b/, 'Petra', 'JO'],
  [/\bBSS\b/, 'BSS', 'BD'],
  [/\bLusa\b/, 'Lusa', 'PT'],
  [/\bEFE\b/, 'EFE', 'ES'],
  [/\bANSA\b/, 'ANSA', 'IT'],
  [/\bMENAFN\b/, 'MENAFN', null],
  [/\bReuters\b/, 'Reuters', null],
  [/\bAFP\b/, 'AFP', null],
];

/** The canonical name of a known agency mentioned in `text`, if any. */
export function findAgency(text: string): string | null {
  for (const [re, name] of AGENCIES) if (re.test(text)) return name;
  return null;
}

/** The country a known national agency reports from. */
export function agencyCountry(name: string): string | null {
  for (const [re, canonical, country] of AGENCIES) if (canonical === name || re.test(name)) return country;
  return null;
}
