/**
 * Meetings: receptions, visits, bilateral talks — "X met (with) Y", "X held a meeting with Y", "X received Y",
 * "Y called on X", "at a meeting in Beijing with Y", "At the meeting of X with Y", "held meetings with his colleagues
 * from the USA, Brazil …", "the meeting of the heads of state in Samarkand", "The meeting was also attended by Z".
 */
import { Analysis, SentenceInfo, verbBetween } from './analysis';
import { ExtractedConference, placeAfterIn } from './conferences';
import { cityCode, demonymCode, findPlaces, isKnownCity } from './countries';
import { PartialDate } from './dates';
import { Mention, MentionIndex } from './mentions';
import type { Evidence, ExtractedOfficial } from './officials';

export type MeetingStatus = 'held' | 'planned';

/** A meeting as the report tells it, but for who took part and where; the extractor's record and the extraction's fact both have it. */
import type { RuleMatch } from './extract';

export interface MeetingDetails {
  /** ISO2 codes of countries whose unnamed officials took part. */
  countries: string[];
  date: PartialDate | null;
  city: string | null;
  country: string | null;
  topics: string[];
  outcome: string | null;
  status: MeetingStatus;
  evidence: Evidence;
}

export interface ExtractedMeeting extends MeetingDetails {
  /** Indexes into the officials list. */
  participants: number[];
  /** Index into the conferences list of the conference it was held at. */
  conference: number | null;
  /** A meeting recalled from the past rather than reported. */
  recalled: boolean;
  sentenceIndex: number;
  /** The rule that found the meeting; unset means not named yet. */
  extraction?: RuleMatch;
}

const TRIGGER =
  /\b(?:met(?:\s+with)?|meets(?:\s+with)?|meet(?:\s+with)?|(?:held|hold|holds|holding|had|has|have)\s+(?:a\s+|an\s+|separate\s+|several\s+)?(?:[\w-]+\s+){0,2}?(?:meetings?|talks|consultations|negotiations|conversation|discussions|call|audience|lunch|luncheon|dinner|breakfast|dialogue|round\s+of\s+talks|exchange\s+of\s+views)(?:\s+(?:on|in|at)\s+[\p{L}\d-]+(?:\s+[\p{L}\d-]+){0,2}?){0,2}(?:\s+(?:that\s+day|the\s+same\s+day|today|yesterday|on\s+[\p{Lu}][\p{L}]+(?:\s+\d{1,2})?|on\s+\d{1,2}\s+[\p{Lu}][\p{L}]+|(?:this|last|on)\s+(?:[\p{Lu}][\p{L}]+|morning|afternoon|evening|week)(?:\s+(?:morning|afternoon|evening))?|earlier\s+(?:today|this\s+week)))?\s+with|(?:talks|negotiations|consultations|conversation)\s+with|(?:spoke|speaks|talked|talks|spoken)\s+(?:by|over\s+the|on\s+the)\s+(?:tele)?phone\s+(?:with|to)|(?:took|received|receives|takes)\s+a\s+(?:tele)?phone\s+call\s+from|(?:tele)?phone\s+(?:call|conversation|talks)\s+with|video\s*(?:call|conference|link)\s+with|(?:welcomed|received|greeted|hosted|met)(?:\s+(?:in\s+audience|in\s+(?:his|her)\s+office|today|tomorrow|yesterday|later|first|then|also|on\s+[\p{Lu}][\p{L}]+|this\s+(?:morning|afternoon|evening)))*\s+by|(?:granted|grants|gave|gives)\s+(?:an\s+)?audience\s+to|(?:welcomed|welcomes)(?=\s+(?:a|the)\s+(?:[\w-]+\s+){0,2}delegation\b)|received|receives|receive|(?<=(?:before|after|while|prior\s+to)\s)(?:receiving|hosting|meeting(?:\s+with)?)(?=\s+(?:with\s+)?[\p{Lu}])|hosted|hosts|(?:welcomed|welcomes)(?=\s+(?:his|her|the|[\p{Lu}]))|phoned|telephoned|called\s+on|(?:pay|pays|paid|paying)\s+(?:a\s+|an\s+)?(?:[\w-]+\s+){0,2}?calls?\s+(?:[a-z]+\s+)?on|(?:pay|pays|paid|paying)\s+(?:a\s+|an\s+)?(?:[\w-]+\s+){0,2}?visit\s+to(?=\s+(?:the\s+|his\s+|her\s+)?[\p{Lu}])|sat\s+down\s+with|co-?chair(?:ed|s|ing)?\s[^.;:]{0,120}?\s(?:together\s+)?with(?=\s)|visited(?=\s+(?:(?:President|Prime|Minister|King|Queen|Emir|Amir|Speaker|Chairman|Secretary|Ambassador)\b|[\p{Lu}][\p{L}'’-]+\s+[\p{Lu}][\p{L}'’-]+\s+(?:at|in)\s+(?:his|her|the)\s+(?:residence|office|palace)))|(?:meetings|talks)\b[^.;:]{0,120}?,\s*(?:including|notably|among\s+them)\s+with|(?:discussed|discusses|discuss|talked|spoke|speaks|speak|conferred|exchanged\s+(?:views|opinions|ideas))\b[^.;:]{0,200}?\s+with(?=\s)|meetings?(?:\s+(?:of|between)\s+[^,.;]*?)?(?:\s+in\s+[A-Z][\p{L}-]*(?:,?\s+[A-Z][\p{L}-]*)?)?\s+with)\b/gu;
const HEADS_OF_STATE =
  /\b(?:meeting|meetings|talks|summit)\s+(?:of|between)\s+(?:the\s+)?(?:two\s+)?(?:heads\s+of\s+states?|heads\s+of\s+government|leaders|presidents)\b/i;
const GROUP_MEETING = /\b(?:A|An|a|an)\s+(?:[\w-]+\s+){0,2}meeting\s+of\s+(?:the\s+)?[a-z][^.]*?\b(?:was|were)\s+held\b/;
const ATTENDED_BY = /\b(?:the\s+)?(?:meeting|talks|event|reception|audience|discussions|ceremony)(?:,\s*which)?\s+(?:was|were)\s+(?:also\s+)?(attended|chaired|co-chaired|joined|moderated)\s+by\b/i;
/** "Also present at the meeting were …", "… were present on the occasion", "… took part in the talks", "The delegation also included …" */
const PRESENT_AT =
  /\b(?:(?:also\s+)?present\s+(?:at\s+the\s+(?:meeting|talks|reception)|on\s+the\s+occasion)|(?:took|taking)\s+part\s+in\s+(?:the|both|all\s+(?:of\s+)?the)\s+(?:meetings?|talks|discussions)(?!\s+of\b)|present\s+at\s+(?:both|all\s+(?:of\s+)?the)\s+(?:meetings|talks|audiences)|accompanied\s+(?:[\p{Lu}][\p{L}'’-]*\s+|him\s+|her\s+){1,3}(?:at|in|during|on)\s+(?:both|all|each)\b|(?:also\s+)?attended\s+the\s+(?:meeting|talks)(?!\s+of\b)|(?:delegation|meeting)\s+(?:also\s+)?(?:included|comprised|(?:was|were)\s+(?:composed|made\s+up)\s+of)|(?:was|were)\s+(?:also\s+)?accompanied\s+by|accompanying\s+(?:the|him|her)\b[^.;]*?\b(?:was|were)|(?:join|joined|joins)\s+the\s+(?:talks|meeting|discussions))\b/iu;
/** "Talks between X and Y were held in …", "a meeting between X and Y will take place": the people follow "between". */
const BETWEEN = /\b(?:talks|meeting|negotiations|consultations|conversation|call|held|place)(?:\s+(?:on|in)\s+[\p{L}\d]+(?:\s+\d+)?)?\s+between\s/iu;
/** "The meeting of X and Y …", "During the talks between X and Y": a sentence opening on the people who met. */
const MEETING_OF = /^(?:(?:During|At|In)\s+)?(?:The|the|Their|their)\s+(?:[\w-]+\s+)?(?:meeting|talks|conversation|call)\s+(?:of|between)\s+(?!the\s)/;
/** "a trilateral meeting brought together X, Y and Z". */
// (", hosted by X," between the noun and the verb: the host takes part too)
const TOGETHER =
  /\b(?:meeting|talks|consultations|summit|session|negotiations|dialogue)(,\s*(?:which\s+(?:was|were)\s+)?(?:hosted|chaired|co-chaired|convened|mediated|moderated)\s+by\s+[^,;.]+(?:,\s*[^,;.]+)?,)?\s+(?:also\s+)?(?:brought|brings|bringing|will\s+bring)\s+together\s/i;
/** "…, co-chaired by X and Y": the two heads of a bilateral mechanism's meeting. */
const CO_CHAIRED = /,\s*(?:which\s+was\s+)?co-?chaired\s+by\s/i;
const BETWEEN_HELD = /\b(?:was|were|will\s+be|is\s+to\s+be|are\s+to\s+be|to\s+be)\s+held\b|\b(?:took|take|takes|will\s+take)\s+place\b|\btook\s+place\b/i;
/** "In the afternoon", "Later in the day", "That evening": the day of the meeting reported before. */
const SAME_DAY = /\b(?:the\s+same\s+day|(?:later|earlier)\s+(?:that|in\s+the)\s+day|^(?:[\w,]+\s+)?(?:in\s+the|that)\s+(?:afternoon|morning|evening)|on\s+the\s+same\s+occasion)\b/i;
/** "The following day", "The day before", "the next day": one day on from (or back from) the narrative's day. */
const DAY_SHIFT =
  /\b(?:the\s+(?:following|next|previous|preceding)\s+day|the\s+day\s+(?:before|after)|(a|one|two|three|four|five|six|\d)\s+days?\s+(?:later|earlier|before|after|ago))\b/i;
/** "a week after", "a week ago", "a week later": only the month of a day a week away is sure. */
const WEEK_SHIFT = /\b(?:a|one)\s+week\s+(later|earlier|before|after|ago)\b/i;
const COUNT: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };
/** A lead that reports meetings: "held a series of bilateral meetings on November 12 on the margins of …". */
const LEAD_MEETINGS = /\b(?:met|meets|received|receives|held\s+(?:a\s+)?(?:[\w-]+\s+){0,3}?(?:meetings?|talks)|(?:bilateral|separate)\s+(?:meetings|talks))\b/;
/** A lead that announces several meetings of one day: "held a series of bilateral meetings", "had several meetings". */
const SERIES_LEAD = /\b(?:held|had|conducted|holds|has\s+held|have\s+held)\s+(?:a\s+(?:number|series|round)\s+of\s+|several\s+|separate\s+|multiple\s+)(?:[\w-]+\s+){0,2}?(?:meetings|talks)\b/;
/** "The Slovak premier, who …,", "the Pakistani guest": a subject known by its country and role. */
const DEMONYM_SUBJECT =
  /\b[Tt]he\s+([\p{Lu}][\p{L}]+)\s+(?:[\p{Ll}-]+\s+){0,2}?(?:guest|visitor|premier|minister|leader|diplomat|president|speaker|envoy|chief|head|official|chairman|chair)\b(?:,[^;]*?,)?\s+(?:(?:also|then|later|had|has|have|first)\s+)*$/u;
/** What lies between one meeting's counterparts and a verb that shares its subject: ", and later", ", with whom he". */
const SHARED_SUBJECT =
  /^(?:[^.;]*?,\s*(?:and|but)\s+(?:(?:later|also|then|afterwards|subsequently|separately|likewise|in\s+addition)\s+)*|[^.;,]*,\s*(?:with\s+)?whom\s+(?:he|she|they)\s+(?:(?:also|later|then)\s+)*|(?![^.;]*\b(?:who|whom|which)\b)[^.;]*?\s(?:before|after|prior\s+to|ahead\s+of|while|then)\s+(?:\w+ing\b[^.;,]{0,40}?\s+)?)$/;
/** "The talks took place in Tokyo on 6 May": where and when of the meeting just reported. */
const VENUE = /^(?:The|Their|This)\s+(?:[\w-]+\s+)?(?:meeting|talks|conversation|audience|call|consultations|negotiations)\s+(?:was\s+held|were\s+held|took\s+place)\b/;
/** "At the meeting with …", "In a meeting with …", "During their talks with …": a sentence opening on the meeting. */
const MEETING_OPENER = /^\s*(?:[\p{Lu}][\p{L}]*\s+)?(?:at|in|during)\s+(?:a|an|the|their|his|her)\s+(?:[\w-]+\s+)?$/iu;
/** ", accompanied by Y and Z," between the subject and its verb. */
const ACCOMPANIED_CLAUSE = /,\s*(?:who\s+was\s+)?(?:accompanied|joined|flanked)\s+by\s[^;]*?,\s*(?:(?:also|today|then|later|on\s+\w+)\s+)*$/;
/** Things, not people, that officials receive. */
const RECEIVED_THING =
  /^\s+(?:a|an|the|his|her|their)\s+(?:[\p{Ll}-]+\s+){0,2}?(?:letters?|messages?|invitations?|awards?|prizes?|reports?|proposals?|requests?|gifts?|medals?|notes?|greetings|congratulations|documents?|copy|copies|briefing|support|assurances?|degree|title|order|decorations?|honou?rs?|donations?|grants?|applications?|petitions?|complaints?|instructions?|information|news)\b/u;
/** A trigger that names talk, not a meeting: "discussed … with", "spoke with". */
const DISCUSSION = /^(?:discuss|talked|spoke|speak|conferred|exchanged)/;
/** "his counterparts from …", "their colleagues of …": several unnamed counterparts, one per country. */
const COUNTERPARTS = /^[^.;]{0,40}?\b(?:his|her|their)\s+(?:[\p{L}-]+\s+)?(?:counterparts|colleagues)\b/u;
/** Calls are meetings (CONVENTIONS), but happen in no one place. */
const REMOTE = /\b(?:phone[ds]?|telephone[ds]?|video\w*|virtual|online)\b/i;
/** "X and Y discussed … at a meeting in Minsk": two named subjects, no meeting verb. */
const JOINT_AT =
  /\b(?:(?:(?:at|during)\s+(?:a|an|the|their)\s+(?:[\w-]+\s+){0,2}?(?:meeting|talks)|(?:following|after)\s+(?:(?:a|an|the|their)\s+(?:[\w-]+\s+){0,2}?(?:meeting|talks)|(?:[\w-]+\s+){0,2}?talks))\b(?!\s+(?:with|of|between)\b)|(?:held|hold|holds|had|conducted|chaired|co-chaired|chair|chairs|co-chair|co-chairs)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,5}?(?:talks|consultations?|negotiations|meeting|(?:tele)?phone\s+(?:call|conversation)|video\s*(?:call|conference)|videoconference)\b(?!\s+with\b)|(?:co-)?chaired\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?session\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:joint|intergovernmental|bilateral|mixed)\b)/i;
/** "X and Y discussed", "… talked about", "… exchanged views": the verb right after two coordinated people. */
const JOINT_TALK = /(?<=\s)(?:(?:also|have|had|then|later|today|yesterday)\s+)?(?:discussed|reviewed(?!\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:troops|guards?|parades?|honou?r))|examined|explored|talked|exchanged\s+(?:views|opinions)|conferred|spoke\s+(?:by|over\s+the|on\s+the)\s+(?:tele)?phone|held\s+(?:a\s+)?(?:tele)?phone\s+(?:call|conversation|talks))\b/;
/** Words that present a meeting as one more encounter, not a retelling of one reported before. */
const ANOTHER_ENCOUNTER = /\b(?:later|separate(?:ly)?|afterwards|subsequently|another|again|also\s+(?:met|held|had|received))\b/i;
/** "The two leaders met again on Tuesday": the people of the last meeting, met once more. */
/** "The two leaders agreed to meet in person", "… are expected to meet again", "… will meet": the people of the last meeting, to meet again. */
const AGREED_TO_MEET = /\b(?:[Tt]he\s+two|[Bb]oth)\s+(?:[\w-]+\s+)?(?:leaders|ministers|sides|officials|presidents|counterparts)\s+(?:also\s+)?(?:agreed\s+to|are\s+(?:expected|due|scheduled|set|slated)\s+to|are\s+to|will|plan\s+to)\s+(?:(?:also|again)\s+)?(?:meet|hold\s+(?:talks|a\s+meeting))\b/;
const MET_AGAIN = /\b(?:[Tt]he\s+two|[Bb]oth)\s+(?:[\w-]+\s+)?(?:leaders|ministers|sides|officials|presidents|delegations|counterparts)\s+(?:also\s+)?(?:met|held\s+(?:talks|a\s+meeting)|spoke|talked)\s+again\b/;
/** "leaders due to engage with X include …", "those he is expected to meet are …": a roster of counterparts. */
const ROSTER =
  /\b(?:due|expected|scheduled|set|slated)\s+to\s+(?:meet(?:\s+with)?|engage\s+with|hold\s+(?:bilateral\s+)?(?:talks|meetings)\s+with)\b[^.;]*?\b(?:include|includes|are|will\s+be)\b/i;
const CREDENTIALS = /\b(?:credentials|letters?\s+of\s+credence|accredited)\b/i;
const CREDENTIALS_VERB = /\b(?:presented|presents|present|handed|hands|received|receives|accepted|accepts|accredited|accredits)\b/i;
/** Envoys spoken of as a group: "the credentials of four newly-appointed ambassadors". */
const ENVOYS = /\b(?:ambassadors|envoys|heads\s+of\s+(?:diplomatic\s+)?missions?|diplomats|high\s+commissioners)\b/i;
/** Titles of people who present credentials. */
const ENVOY_TITLE = /\b(?:ambassador|envoy|high\s+commissioner|charg[ée]|nuncio|diplomat)/i;

function isEnvoy(o: ExtractedOfficial): boolean {
  return o.titles.some((t) => ENVOY_TITLE.test(t)) || o.extraction?.rule === 'official.listed';
}

/**
 * How a meeting was found, and how sure the rule is: its precision on the 60 corpus reports (all of them: the blind
 * part has been read since it was scored), smoothed as (matched + 1) / (found + 2) so that a rule seen rarely (or
 * never: 0.5) does not claim certainty. Records merged into another (a retelling) count for the rule that made it.
 */
export const MEETING_RULES = {
  'meeting.credentials': 0.97, // 37 of 37
  'meeting.credentials-unnamed': 0.5, // not seen
  'meeting.group': 0.67, // 1 of 1
  'meeting.heads-of-state': 0.67, // 1 of 1
  'meeting.verb': 0.93, // 42 of 44
  'meeting.call': 0.75, // 2 of 2
  'meeting.separate': 0.98, // 42 of 42
  'meeting.with-whom': 0.5, // not seen
  'meeting.joint': 0.67, // 1 of 1
  'meeting.roster': 0.67, // 7 of 7, all in one report: counted as one find
  'meeting.joint-talk': 0.5, // not seen on its own (its finds retell meetings found by other rules)
  'meeting.between': 0.5, // not seen
  'meeting.at-the-meeting': 0.67, // 1 of 1
  'meeting.again': 0.5, // not seen
  'meeting.agreed-to-meet': 0.5, // not seen
} as const;
export type MeetingRule = keyof typeof MEETING_RULES;

/** The rule's confidence, lowered by a quarter when the record rests on weak evidence (a participant guessed). */
const rule = (name: MeetingRule, weak = false): RuleMatch => ({
  rule: name,
  confidence: weak ? Math.round(MEETING_RULES[name] * 75) / 100 : MEETING_RULES[name],
});
const WITH_WHOM =
  /,\s*with\s+whom\s+(?:he|she|they)\s+(?:(?:is|are|was|were)\s+)?(?:(?:will|would|also|expected\s+to|scheduled\s+to|due\s+to|set\s+to|to)\s+)*(?:hold|held|holds|have|had|has)\s+(?:talks|a\s+meeting|meetings|consultations)\b|,\s*with\s+whom\s+(?:he|she|they)\s+(?:(?:will|also|is\s+expected\s+to)\s+)*(?:met|meet|meets)\b/;
const UNNAMED_SUBJECT =
  /\b[Tt]he\s+(?:[A-Z][\p{L}-]*\s+){0,3}?(?:Secretary-General|Secretary\s+General|President|Prime\s+Minister|Minister|Chairman|Chairperson|Chair|Speaker|Ambassador|Director-General|Director\s+General|Commissioner|High\s+Representative|Governor|Mayor|King|Emir)\s+(?:(?:also|today|has|had|then|later)\s+)*$/u;
const PLANNED_BEFORE = /\b(?:will|shall|(?<!\bprior\s)to|is\s+to|are\s+to|plans?\s+to|is\s+scheduled\s+to|is\s+expected\s+to|would)\s+(?:also\s+)?$/i;
const REGION_END =
  /[;]|,\s*(?:focusing|discussing|where|which|during|saying|noting|and\s+(?:informed|discussed|exchanged|briefed|signed|agreed))|\s(?:and\s+)?(?:informed|discussed|focusing|exchanged|to\s+(?:discuss|exchange|review)|on\s+the\s+sidelines|within\s+the\s+framework|and\s+was|and\s+were|made\s+the)\b/;

const LIST_GAP = /^\s*(?:[,;]\s*(?:and\s+)?|and\s+)(?:with\s+)?[^.]*$/;
const GAP_WORDS = new Set(['and', 'with', 'on', 'the', 'his', 'her', 'their', 'of', 'counterpart', 'colleague', 'for', 'to', 'at', 'in', 'as', 'well', 'two', 'three', 'four', 'deputies']);

/** Only connectors, titles and capitalised words between two listed people. */
function gapWordsOk(gap: string): boolean {
  // brackets and semicolons around a word ("(ICC);") are the list's punctuation, not words
  for (const w of gap.split(/[\s,]+/).map((x) => x.replace(/^[([]+|[)\];:]+$/g, '')).filter(Boolean)) {
    if (/^\p{Lu}/u.test(w) || GAP_WORDS.has(w.toLowerCase()) || LOWER_TITLE.test(w)) continue;
    return false;
  }
  return true;
}
const LOWER_TITLE = /^(?:minister|president|prosecutor|general|head|deputy|chief|ambassador|secretary|director|chairman|chairperson|chair|speaker|vice|senator|governor|foreign|state|councilor|councillor|envoy|representative)s?$/i;

/** A semicolon that goes on with a list of people ("…of Ukraine; Tanja Fajon, …"; "…; and of Chile, …"). */
const LIST_GOES_ON = /^;\s*(?:and\s+|as\s+well\s+as\s+)?(?:with\s+)?(?:of\s+)?(?:the\s+)?[\p{Lu}]/u;

function regionEnd(text: string, from: number): number {
  const re = new RegExp(REGION_END.source, 'g');
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[0] === ';' && LIST_GOES_ON.test(text.slice(m.index))) continue;
    return m.index;
  }
  return text.length;
}

/** Topics stated with "discussed …", "focusing on …", "exchanged views on …". */
function topicsOf(text: string): string[] {
  const out: string[] = [];
  const re =
    /\b(?:discussed|discussing|focusing on|focused on|exchanged (?:views|ideas|opinions) on|talked about|spoke about|informed (?:him|her|them) about|gave detailed information(?: to [\w ]+?)? about|about|cooperation in|the issue of|the prospects for|called for|agreed to)\s+(.+?)(?:[.;]|,\s*(?:and\s+)?(?:which|saying|in order|as well as|the two|they)\b|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const phrase = m[1].replace(/^(?:the|a|an)\s+/i, '').trim();
    if (phrase.length < 4) continue;
    for (const part of phrase.split(/,\s*(?:and\s+)?|\s+and\s+(?=[a-z-]+\s+[a-z-]+)/)) {
      const p = part
        .replace(/^(?:the|a|an|also|especially|including)\s+/i, '')
        .replace(/\s+(?:was|were)\s+(?:discussed|held|considered|raised)$/i, '')
        .trim();
      if (p.length >= 4 && p.length <= 120 && !out.includes(p)) out.push(p);
    }
  }
  return out.slice(0, 8);
}

/** The first "in <place>" / "at <place>" of a text that names a known place. */
function firstPlaceIn(text: string): { city: string | null; country: string | null } | null {
  for (const m of text.matchAll(/\b(?=(?:in|at)\s)/g)) {
    const p = placeAfterIn(text.slice(m.index));
    if (p && (p.city || p.country)) return p;
  }
  return null;
}

interface Place {
  city: string | null;
  country: string | null;
}

/** "visit to Beijing", "trip to London", "is in Singapore", "arrived in Baku", "visit of the delegation to Azerbaijan". */
function visitPlace(text: string): Place | null {
  const re = /\b(?:visit|trip|travel|journey|tour)\b(?:\s+of\s+(?:the|his|her|a)\s+[\w ]{1,40}?)?\s+to\s+((?:the\s+)?[A-Z][\p{L}'’-]+(?:\s+[A-Z][\p{L}'’-]+)?)|\b(?:will\s+visit|to\s+visit|visited|visits|visiting)\s+((?:the\s+)?[A-Z][\p{L}'’-]+(?:\s+[A-Z][\p{L}'’-]+)?)|\b(?:is|was|are|were|arrived|arrives|stayed)\s+in\s+((?:the\s+)?[A-Z][\p{L}'’-]+(?:\s+[A-Z][\p{L}'’-]+)?)/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const p = findPlaces(m[1] ?? m[2] ?? m[3])[0];
    if (p && p.start <= 4) return { city: p.kind === 'city' || isKnownCity(p.text) ? p.text : null, country: p.code };
  }
  return null;
}

export function findMeetings(
  analysis: Analysis,
  officials: ExtractedOfficial[],
  conferences: ExtractedConference[],
  mentions: MentionIndex,
): ExtractedMeeting[] {
  const { report, sentences } = analysis;
  const meetings: ExtractedMeeting[] = [];
  const confSpans = conferences.map((c) => [c.start, c.end]);
  const inConference = (o: number) => confSpans.some(([a, b]) => o >= a && o < b);
  let reportVisit: Place | null = null;
  for (const s of sentences) {
    // a visit still to come ("will travel to …") says nothing about where the reported meetings were
    if (/\b(?:will|to|plans? to|is scheduled to)\s+(?:\w+\s+){0,3}?(?:travel|visit|go)\b/.test(s.text)) continue;
    // nor does one recalled from the past ("recalled his state visit to Tashkent in August last year")
    if (/\b(?:recall\w*|last\s+year|previous|earlier\s+visit)\b/i.test(s.text)) continue;
    reportVisit ??= visitPlace(s.text);
  }
  const datelineCity = report.dateline?.city ?? null;

  const lastMeeting = (): ExtractedMeeting | undefined => [...meetings].reverse().find((m) => !m.recalled);

  /** The official named right after "delegation … led by / headed by" in an earlier sentence, or -1. */
  const delegationLeader = (before: number): number => {
    for (let i = before - 1; i >= 0; i--) {
      const m = /\bdelegation\b[^.;]*?\b(?:led|headed)\s+by\b/.exec(sentences[i].text);
      if (!m) continue;
      const at = sentences[i].start + m.index + m[0].length;
      const who = mentions.bySentence[i].find((x) => x.start >= at && x.official >= 0 && x.kind !== 'pronoun');
      if (who) return who.official;
    }
    return -1;
  };

  const placeFor = (s: SentenceInfo, triggerAt: number, region: number): { place: Place | null; conference: number | null } => {
    const rel = triggerAt - s.start;
    // 1. "in <place>" inside the meeting clause
    const scan = s.text.slice(rel, Math.max(region - s.start, rel));
    const inRe = /(?:^|[\s,])(?=(?:in|at)\s)/g;
    let m: RegExpExecArray | null;
    while ((m = inRe.exec(scan))) {
      // the pattern can match empty at the start: step past it or exec would return the same match forever
      if (m[0] === '') inRe.lastIndex++;
      const rest = scan.slice(m.index + m[0].length);
      const p = placeAfterIn(rest);
      if (p && (p.city || p.country)) return { place: p, conference: null };
      // "at State House, Nairobi", "at the Presidential Palace in Dakar": a building, then its city
      const building = /^\s*(?:at|in)\s+(?:the\s+)?(?:[\p{Lu}][\p{L}'’-]*\s+){1,4}?(?:House|Palace|Hall|Building|Office|Headquarters|Residence|Centre|Center|Kremlin|Complex)\s*,\s*(?=[\p{Lu}])/u.exec(rest);
      const city = building ? findPlaces(rest.slice(building[0].length))[0] : undefined;
      if (city && city.start === 0 && city.kind === 'city') return { place: { city: city.text, country: city.code }, conference: null };
    }
    // "here" in an agency report is the dateline city
    if (datelineCity && /\bhere\b/.test(scan)) {
      const c = findPlaces(datelineCity)[0];
      return { place: { city: datelineCity, country: c?.code ?? cityCode(datelineCity) }, conference: null };
    }
    // 2. the conference named in the sentence ("on the sidelines of …")
    const confHere = conferences.findIndex((c) => c.start >= s.start && c.end <= s.end && c.status !== 'upcoming');
    if (confHere >= 0) {
      const c = conferences[confHere];
      return { place: c.city || c.country ? { city: c.city, country: c.country } : null, conference: confHere };
    }
    // 3. "During his visit to Beijing"
    const v = visitPlace(s.text);
    if (v) return { place: v, conference: null };
    // 4. the last attended conference mentioned before
    let last = -1;
    conferences.forEach((c, i) => {
      if (c.start < s.start && c.status === 'attended') last = i;
    });
    if (last >= 0) {
      const c = conferences[last];
      return { place: { city: c.city, country: c.country }, conference: last };
    }
    if (reportVisit) return { place: reportVisit, conference: null };
    // nothing else said: an agency's dateline place is where the reported meeting took place
    if (datelineCity) {
      const c = findPlaces(datelineCity)[0];
      const code = c?.code ?? cityCode(datelineCity);
      if (code) return { place: { city: c?.kind === 'country' ? null : datelineCity, country: code }, conference: null };
    }
    return { place: null, conference: null };
  };

  // ", the ministry said on Thursday": the day an institution reported it, not of the meeting (an official who
  // "said on Tuesday" usually said it at the meeting)
  const statementDate = (d: { start: number }): boolean =>
    /\b(?:ministry|office|service|department|agency|embassy|secretariat|statement|release|spokes(?:person|man|woman)|FO|MFA)\s+(?:said|says|reported|announced|stated|informed)\s+(?:on\s+)?$/i.test(
      report.body.slice(Math.max(0, d.start - 60), d.start),
    );

  // "WASHINGTON (UrduPoint News / Sputnik - 10th December, 2021) X discussed …": a dateline left in the text dates the report
  // "Montevideo, 6 December 2024. The Chancellor …": a place and a date opening a paragraph are a dateline too
  const inDateline = (d: { start: number; end: number }): boolean =>
    /^[\p{Lu}][\p{Lu} .'’-]+\s*\([^)]*$/u.test(report.body.slice(sentences[0]?.start ?? 0, d.start)) ||
    (/(?:^|\n)[\p{Lu}][\p{L}'’-]+(?:[ -][\p{Lu}][\p{L}'’-]+)*(?:,\s*[\p{Lu}][\p{L}'’-]+(?:\s[\p{Lu}][\p{L}'’-]+)*)?,\s*$/u.test(report.body.slice(Math.max(0, d.start - 60), d.start)) &&
      /^\s*(?:[.(–—-]|\/)/.test(report.body.slice(d.end, d.end + 3)));

  // "… the decisions of the 40th GCC Summit, held in Riyadh in December": the date of the event just named
  const heldEventDate = (d: { start: number }): boolean =>
    conferences.some((c) => c.end <= d.start && /^[^.;]{0,12}?,?\s*(?:which\s+(?:was|is|will\s+be)\s+)?(?:held|hosted|convened|to\s+be\s+held|set\s+for|scheduled\s+for)\b[^.;,]{0,40}$/.test(report.body.slice(c.end, d.start)));

  /** The first single day a sentence states for what it reports (not a conference's, a statement's or a dateline's). */
  const dayOf = (s: SentenceInfo): PartialDate | null => {
    const d = s.dates.find((x) => x.from.precision === 'DAY' && x.from.value === x.to.value && !inConference(x.start) && !statementDate(x) && !inDateline(x) && !heldEventDate(x));
    return d?.from ?? null;
  };
  /** The day the narrative stands at before sentence `s`: the last meeting's, else the last day an earlier sentence states. */
  const narrativeDay = (s: SentenceInfo): PartialDate | null => {
    const m = lastMeeting();
    if (m?.date?.precision === 'DAY') return m.date;
    for (let i = s.index - 1; i >= 0; i--) {
      const d = dayOf(sentences[i]);
      if (d) return d;
    }
    return null;
  };
  const dateFor = (s: SentenceInfo): PartialDate | null => {
    if (!s.dates.length) {
      // "Earlier the same day", "In the afternoon", "That evening": the day of the meeting reported before
      if (SAME_DAY.test(s.text)) return lastMeeting()?.date ?? narrativeDay(s);
      // "The following day", "the day before": a day counted from the one the narrative stands at
      const shift = DAY_SHIFT.exec(s.text) ?? WEEK_SHIFT.exec(s.text);
      if (shift) {
        // "ago" counts from the publication day, the rest from the day the narrative stands at
        const ago = /\bago$/i.test(shift[0]);
        const from: PartialDate | null = ago ? { value: report.publishedDate, precision: 'DAY', inferred: true } : narrativeDay(s);
        if (!from) return null;
        const week = /\bweek\b/i.test(shift[0]);
        const n = week ? 7 : shift[1] ? (COUNT[shift[1].toLowerCase()] ?? Number(shift[1])) : 1;
        // "a week after X spoke": X spoke a week before the day told
        const back = /before|previous|preceding|earlier|ago/i.test(shift[0]) || (week && /after$/i.test(shift[0]));
        const day = new Date(`${from.value}T00:00:00Z`);
        day.setUTCDate(day.getUTCDate() + (back ? -n : n));
        const value = day.toISOString().slice(0, 10);
        return week ? { value: value.slice(0, 7), precision: 'MONTH', inferred: true } : { value, precision: 'DAY', inferred: from.inferred || ago };
      }
      // "… began his trip on 3 June in Tashkent. There he was received by …": the paragraph's day goes on
      // (not to what happened "earlier" or "previously")
      if (/\b(?:earlier|previously|ago|once)\b/i.test(s.text)) return null;
      // "The minister then met …", "Afterwards he received …": the next encounter of the day the narrative stands at
      // (not a meeting still to come: "will then meet …")
      if (/\b(?:then|afterwards|subsequently|thereafter)\b/i.test(s.text) && !/\b(?:will|shall|expected|scheduled|plans?|is\s+to|are\s+to)\b/i.test(s.text) && lastMeeting()) return narrativeDay(s);
      for (let i = s.index - 1; i >= 0 && sentences[i].paragraph === s.paragraph; i--) {
        if (sentences[i].dates.length) return dayOf(sentences[i]);
        // "… received him on Wednesday morning. The two ministers discussed … Hudec also met X": that day's meeting
        const told = lastMeeting();
        if (told?.sentenceIndex === i && told.date?.precision === 'DAY') return told.date;
      }
    }
    for (const d of s.dates) {
      if (inConference(d.start)) continue;
      const before = report.body.slice(Math.max(s.start, d.start - 45), d.start);
      if (/\b(?:to be held|will be held|will take place|to take place|next)\b/.test(before)) continue;
      if (d.from.precision === 'YEAR') continue;
      // "this week" places a meeting in no month the report commits to
      if (/^this\s+week$/i.test(d.text)) continue;
      if (inDateline(d)) continue;
      // a span of days ("held on 12-14 June") dates the forum or the visit, not the meeting within it: only its month
      // is sure, when the span lies in one month
      if (d.from.value !== d.to.value) {
        if (d.from.precision === 'DAY' && d.from.value.slice(0, 7) === d.to.value.slice(0, 7)) return { value: d.from.value.slice(0, 7), precision: 'MONTH', inferred: d.from.inferred };
        continue;
      }
      if (statementDate(d)) continue;
      if (heldEventDate(d)) continue;
      // "X, who arrived on Sunday, met Y on Monday": the day of the relative clause gives way to the main clause's
      const relative = [...s.text.matchAll(/,\s*(?:who|which)\s[^,;]*,/g)].find((m) => d.start >= s.start + m.index && d.end <= s.start + m.index + m[0].length);
      if (relative && s.dates.some((x) => x.start >= s.start + relative.index + relative[0].length && x.from.precision === 'DAY' && !inConference(x.start))) continue;
      // "X said on Monday that on Wednesday he will receive …": the day of the saying gives way to a later one
      const said = /\b(?:said|says|announced|told\s+[\w ]{1,30}?|stated)\s+(?:on\s+)?$/i.test(report.body.slice(Math.max(s.start, d.start - 40), d.start));
      if (said && s.dates.some((x) => x.start > d.end && x.from.precision === 'DAY' && x.from.value === x.to.value && !inConference(x.start))) continue;
      return d.from;
    }
    return null;
  };

  /** A meeting reported as held in sentence `s`, placed from `triggerAt` on and dated by the sentence. */
  const heldMeeting = (s: SentenceInfo, triggerAt: number, facts: Pick<ExtractedMeeting, 'participants' | 'countries' | 'topics'>): ExtractedMeeting => {
    const { place, conference } = placeFor(s, triggerAt, s.end);
    return {
      participants: facts.participants,
      countries: facts.countries,
      date: dateFor(s),
      city: place?.city ?? null,
      country: place?.country ?? null,
      topics: facts.topics,
      outcome: null,
      status: 'held',
      conference,
      recalled: false,
      sentenceIndex: s.index,
      evidence: { sentence: s.text, start: s.start, end: s.end },
    };
  };

  /**
   * True when `m` retells a meeting already recorded, which then takes what `m` adds: the same people; a named
   * counterpart for one known only by country ("met his counterparts from A and B … He also met A's minister X");
   * or, for talk without a meeting verb ("X discussed … with Y and Z"), a meeting of X with Y.
   */
  /** Meetings dated by a later retelling: their date is not the date of the sentence that reported them. */
  const retold = new Set<ExtractedMeeting>();
  // a retelling dates the meeting only with a day ("talked today"), not a month it names for something else
  const fillDate = (m: ExtractedMeeting, date: PartialDate | null) => {
    if (m.date || !date || date.precision !== 'DAY') return;
    m.date = date;
    retold.add(m);
  };
  const restated = (m: ExtractedMeeting, loose: boolean, again = false): boolean => {
    // meetings on different days are different meetings
    const otherDay = (x: ExtractedMeeting) => x.date?.precision === 'DAY' && m.date?.precision === 'DAY' && x.date.value !== m.date.value;
    const held = meetings.filter((x) => !x.recalled && x.status === m.status && !otherDay(x));
    const same = held.find(
      (x) => x.participants.length === m.participants.length && x.participants.every((p) => m.participants.includes(p)) && x.countries.join() === m.countries.join(),
    );
    if (same && !again) {
      fillDate(same, m.date);
      return true;
    }
    const [host, ...others] = m.participants;
    const fromCountry = (c: string) => others.filter((p) => officials[p].country === c);
    const unnamed = held.find((x) => x.participants.length === 1 && x.participants[0] === host && x.countries.length === 1 && fromCountry(x.countries[0]).length > 0);
    if (unnamed && m.countries.length === 0) {
      unnamed.participants.push(...others);
      unnamed.countries = [];
      fillDate(unnamed, m.date);
      return true;
    }
    const told = loose && !again ? held.find((x) => m.participants.filter((p) => x.participants.includes(p)).length >= 2) : undefined;
    if (told) {
      for (const p of m.participants) if (!told.participants.includes(p)) told.participants.push(p);
      fillDate(told, m.date);
      return true;
    }
    return false;
  };

  /** Officials each heading one of the short paragraphs that follow `s` (a list the sentence announces with a colon). */
  const listedBelow = (s: SentenceInfo): number[] => {
    const out: number[] = [];
    for (let i = s.index + 1; i < sentences.length; i++) {
      const item = sentences[i];
      if (item.paragraph === s.paragraph || sentences[i + 1]?.paragraph === item.paragraph || item.text.length > 200) break;
      const first = mentions.bySentence[i].find((x) => x.official >= 0 && x.kind !== 'pronoun');
      if (first && first.start - item.start <= 40) out.push(first.official);
      // an item whose person is not known as an official is skipped; two such in a row end the list
      else if (i > s.index + 1 && !out.length) break;
      else if (!first && !mentions.bySentence[i + 1]?.some((x) => x.official >= 0 && x.start - sentences[i + 1].start <= 40)) break;
    }
    return out;
  };

  /**
   * Who "him"/"her" after a reception verb stands for: an official named earlier in the sentence, else the first one
   * named in the sentences before, who is not the host.
   */
  const objectPronoun = (s: SentenceInfo, before: number, host: number): number => {
    const here = mentions.bySentence[s.index].filter((x) => x.end <= before && x.official >= 0 && x.kind !== 'pronoun' && x.kind !== 'counterpart' && x.official !== host);
    if (here.length) return here[here.length - 1].official;
    for (let i = s.index - 1; i >= 0; i--) {
      const first = mentions.bySentence[i].find((x) => x.official >= 0 && x.kind !== 'counterpart' && x.official !== host);
      if (first) return first.official;
    }
    return -1;
  };
  /**
   * The meetings that the people of an attendance sentence took part in: "at all of the meetings" all told so far,
   * "at both meetings" the last two, "The ceremony was attended by" every presentation of that ceremony, else the last.
   */
  const attendedMeetings = (s: SentenceInfo): ExtractedMeeting[] => {
    const last = lastMeeting();
    if (!last) return [];
    const held = meetings.filter((m) => !m.recalled && m.status === last.status);
    if (/\b(?:all|each)\s+(?:of\s+)?(?:the\s+|these\s+|those\s+|his\s+|her\s+)?(?:meetings|talks|audiences|encounters)\b/i.test(s.text)) return held;
    if (/\bboth\s+(?:of\s+the\s+)?(?:meetings|talks|audiences|encounters)\b/i.test(s.text)) return held.slice(-2);
    if (/\b(?:ceremony|ceremonies)\b/i.test(s.text) || last.extraction?.rule === 'meeting.credentials') return held.filter((m) => m.sentenceIndex === last.sentenceIndex);
    return [last];
  };
  /** Sentences whose people a meeting of an earlier sentence has already taken. */
  const toldBefore = new Set<number>();
  for (const s of sentences) {
    if (toldBefore.has(s.index)) continue;
    const sm = mentions.bySentence[s.index];
    // "The meeting was also attended by Z" / "The meeting was chaired by Z"
    const att = ATTENDED_BY.exec(s.text);
    if (att) {
      const after = s.start + att.index + att[0].length;
      const who = sm.filter((x) => x.start >= after && x.official >= 0 && x.kind !== 'pronoun');
      const targets = attendedMeetings(s);
      if (targets.length && who.length) {
        for (const target of targets) for (const w of who) if (!target.participants.includes(w.official)) target.participants.push(w.official);
        continue;
      }
    }
    // "Also present at the meeting were Z and W", "The Uzbek delegation also included Z, who took part in the talks"
    const present = PRESENT_AT.exec(s.text);
    if (present && !/\bcredentials\b/i.test(s.text)) {
      // "The minister, who was accompanied by Y, is to hold a meeting with Z": Y joins the meeting told before, Z
      // meets in a meeting of this sentence's own
      const own = new RegExp(TRIGGER.source, 'gu');
      own.lastIndex = present.index + present[0].length;
      const next = own.exec(s.text);
      const limit = next ? s.start + next.index : s.end;
      const targets = attendedMeetings(s);
      const who = sm.filter((x) => x.official >= 0 && x.kind !== 'pronoun' && x.kind !== 'counterpart' && x.end <= limit);
      if (targets.length && who.length && who.some((w) => !targets[0].participants.includes(w.official))) {
        for (const target of targets) for (const w of who) if (!target.participants.includes(w.official)) target.participants.push(w.official);
        if (!next) continue;
      }
    }
    // "received the credentials of the ambassadors of A, X; of B, Y", "credentials were presented by X and Y":
    // each ambassador's presentation is a meeting of its own with the head of state who receives it
    if (CREDENTIALS.test(s.text) && CREDENTIALS_VERB.test(s.text)) {
      // (someone named in "countries whose Head of State is Queen X" takes no part)
      const named = [...new Set(sm.filter((x) => x.official >= 0 && x.kind !== 'pronoun' && x.kind !== 'counterpart' && !/\bwhose\s+(?:[\p{L}-]+\s+){1,4}(?:is|was|are)\s+(?:[\p{Lu}][\p{L}-]*\s+){0,2}$/u.test(report.body.slice(Math.max(0, x.start - 60), x.start))).map((x) => x.official))];
      // "The new heads of mission who presented their credentials were:" then one paragraph per envoy
      if (/:\s*$/.test(s.text)) named.push(...listedBelow(s).filter((i) => !named.includes(i)));
      // "… received the credentials of four ambassadors. They were A, B, C and D.": the envoys named in the next sentence
      const next = sentences[s.index + 1];
      if (next && !named.some((i) => isEnvoy(officials[i])) && ENVOYS.test(s.text) && !(CREDENTIALS.test(next.text) && CREDENTIALS_VERB.test(next.text))) {
        const listed = [...new Set(mentions.bySentence[next.index].filter((x) => x.official >= 0 && x.kind !== 'pronoun' && x.kind !== 'counterpart').map((x) => x.official))];
        if (listed.length && listed.every((i) => isEnvoy(officials[i]))) {
          named.push(...listed.filter((i) => !named.includes(i)));
          toldBefore.add(next.index);
        }
      }
      const envoys = named.filter((i) => isEnvoy(officials[i]));
      const hosts = named.filter((i) => !envoys.includes(i));
      const main = mentions.mainActor();
      // the report's main actor receives them, unless it is an envoy itself (a report about the envoys)
      const host = hosts.length ? hosts[0] : main >= 0 && !envoys.includes(main) && !isEnvoy(officials[main]) ? main : -1;
      // "… and the ambassadors of A and B": envoys known only by their countries (not those of the named ones)
      const plural = /\bambassadors\s+of\b/i.exec(s.text);
      const namedCountries = new Set(envoys.map((e) => officials[e].country));
      const countries: string[] = [];
      if (plural) {
        for (const p of s.places) {
          if (p.start < s.start + plural.index || p.kind === 'city' || namedCountries.has(p.code)) continue;
          if (!countries.includes(p.code)) countries.push(p.code);
        }
      }
      const withHost = (x: number[]) => (host >= 0 ? [host, ...x] : x);
      for (const envoy of envoys) {
        const facts = { participants: withHost([envoy]), countries: [], topics: [] };
        meetings.push({ ...heldMeeting(s, s.start, facts), extraction: rule('meeting.credentials', host < 0 || !hosts.length) });
      }
      if (host >= 0) {
        for (const c of countries) {
          meetings.push({ ...heldMeeting(s, s.start, { participants: [host], countries: [c], topics: [] }), extraction: rule('meeting.credentials-unnamed') });
        }
      }
      if (envoys.length || (host >= 0 && countries.length)) continue;
    }
    const again = MET_AGAIN.exec(s.text);
    const base = again ? lastMeeting() : undefined;
    if (again && base && base.participants.length >= 2) {
      meetings.push({
        ...heldMeeting(s, s.start + again.index, { participants: [...base.participants], countries: [...base.countries], topics: [] }),
        extraction: rule('meeting.again'),
      });
      continue;
    }
    const agreed = AGREED_TO_MEET.exec(s.text);
    const told = agreed ? lastMeeting() : undefined;
    if (agreed && told && told.participants.length >= 2) {
      const m = heldMeeting(s, s.start + agreed.index, { participants: [...told.participants], countries: [...told.countries], topics: [] });
      meetings.push({ ...m, status: 'planned', date: s.dates.some((d) => d.start > s.start + agreed.index) ? m.date : null, extraction: rule('meeting.agreed-to-meet') });
      continue;
    }
    // "The talks took place in Tokyo on 6 May": the last meeting's day and place, when it had none
    if (VENUE.test(s.text) && !sm.some((x) => x.official >= 0 && x.kind !== 'pronoun')) {
      const target = lastMeeting();
      if (target && target.sentenceIndex >= s.index - 2) {
        target.date ??= dateFor(s);
        if (!target.city && !target.country) {
          const p = firstPlaceIn(s.text);
          if (p) {
            target.city = p.city;
            target.country = p.country ?? (p.city ? cityCode(p.city) : null);
          }
        }
        continue;
      }
    }
    // "Talks between X and Y were held in Tokyo": the people coordinated after "between"
    // "Talks between X and Y were held in Tokyo", "a trilateral meeting brought together X, Y and Z", "… the Meeting of
    // the Consultation Mechanism, co-chaired by X and Y": the people coordinated after "between" / "together" / "by"
    const between = BETWEEN.exec(s.text);
    const together = TOGETHER.exec(s.text);
    const cochairs = CO_CHAIRED.exec(s.text);
    // "The meeting of X and Y focused on …": a sentence that opens on the meeting of two people
    const meetingOf = MEETING_OF.exec(s.text);
    const opener = meetingOf ? meetingOf : between && BETWEEN_HELD.test(s.text) && !inConference(s.start + between.index) ? between : together && !inConference(s.start + together.index) ? together : cochairs;
    if (opener) {
      const at = s.start + opener.index + opener[0].length;
      const named = sm.filter((x) => x.start >= at && x.official >= 0 && x.kind !== 'pronoun' && x.kind !== 'counterpart');
      const group: number[] = [];
      for (const x of named) {
        if (group.includes(x.official)) continue;
        const gap = report.body.slice(group.length ? named.find((y) => y.official === group[group.length - 1])!.end : at, x.start);
        if (group.length ? !/^\s*,?\s*(?:and\s+)?/.test(gap) || !gapWordsOk(gap) || verbBetween(s, x.start - gap.length, x.start) : !gapWordsOk(gap)) break;
        group.push(x.official);
      }
      // "The talks, hosted by X, brought together A and B": X met them
      if (opener === together && together[1] && group.length >= 2) {
        const from = s.start + together.index;
        const hosts = sm.filter((x) => x.start >= from && x.end <= at && x.official >= 0 && x.kind !== 'pronoun' && x.kind !== 'counterpart').map((x) => x.official);
        for (const h of hosts.reverse()) if (!group.includes(h)) group.unshift(h);
      }
      // two co-chairs of one state chair a meeting of others
      const [a, b] = group.map((i) => officials[i].country);
      const sides = opener !== cochairs || group.length !== 2 || !a || !b || a !== b;
      if (group.length >= 2 && sides) {
        const planned = /\b(?:will|to\s+be|is\s+to|are\s+to)\b/.test(s.text.slice(opener.index));
        const m: ExtractedMeeting = { ...heldMeeting(s, at, { participants: group, countries: [], topics: [] }), status: planned ? 'planned' : 'held', extraction: rule('meeting.between') };
        if (!restated(m, false)) meetings.push(m);
        continue;
      }
    }
    // "A regular meeting of the special group … was held within the framework of the conference"
    const group = GROUP_MEETING.exec(s.text);
    if (group && !inConference(s.start + group.index + group[0].indexOf('meeting'))) {
      meetings.push({ ...heldMeeting(s, s.start + group.index, { participants: [], countries: [], topics: topicsOf(s.text) }), extraction: rule('meeting.group') });
      continue;
    }
    // "the meeting of the heads of state in Samarkand in September last year"
    const hos = HEADS_OF_STATE.exec(s.text);
    if (hos) {
      const base = lastMeeting();
      const countries = new Set<string>();
      if (base) {
        for (const p of base.participants) if (officials[p].country) countries.add(officials[p].country!);
        for (const c of base.countries) countries.add(c);
      }
      if (countries.size >= 2) {
        const afterText = s.text.slice(hos.index + hos[0].length);
        const place = placeAfterIn(afterText);
        const recalled = /\b(?:recall\w*|last year|previous|earlier)\b/i.test(s.text);
        meetings.push({
          participants: [],
          countries: [...countries],
          date: dateFor(s),
          city: place?.city ?? null,
          country: place?.country ?? (place?.city ? cityCode(place.city) : null),
          topics: [],
          outcome: null,
          status: 'held',
          conference: null,
          recalled,
          sentenceIndex: s.index,
          evidence: { sentence: s.text, start: s.start, end: s.end },
          extraction: rule('meeting.heads-of-state'),
        });
        continue;
      }
    }
    // "The leaders due to engage with X include A; B and C": one meeting of X with each of them
    const roster = ROSTER.exec(s.text);
    if (roster) {
      const listStart = s.start + roster.index + roster[0].length;
      const named = sm.filter((x) => x.official >= 0 && x.kind !== 'pronoun' && x.kind !== 'counterpart');
      const host = named.find((x) => x.start >= s.start + roster.index && x.end <= listStart);
      const guests = [...new Set(named.filter((x) => x.start >= listStart && x.official !== host?.official).map((x) => x.official))];
      if (host && guests.length) {
        const planned = !/\b(?:met|held|had)\b/.test(roster[0]);
        for (const guest of guests) {
          const m = heldMeeting(s, listStart, { participants: [host.official, guest], countries: [], topics: [] });
          meetings.push({ ...m, status: planned ? 'planned' : 'held', date: planned ? null : m.date, extraction: rule('meeting.roster') });
        }
        continue;
      }
    }
    TRIGGER.lastIndex = 0;
    let made = false;
    // the subject of the sentence's last meeting verb, and where that meeting's counterparts end
    let prevSubject: Mention | undefined;
    let prevEnd = -1;
    let t: RegExpExecArray | null;
    while ((t = TRIGGER.exec(s.text))) {
      const trigStart = s.start + t.index;
      const trigEnd = trigStart + t[0].length;
      if (inConference(trigStart)) continue;
      const remote = REMOTE.test(t[0]);
      // "received a letter from X", "received the award of …": a thing received, not a visitor
      if (/^(?:received|receives|receive)$/.test(t[0]) && RECEIVED_THING.test(s.text.slice(t.index + t[0].length))) continue;
      // "discussed … with X", "spoke with X": no meeting verb, so only a named counterpart makes it a meeting
      const discussion = DISCUSSION.test(t[0]);
      // "welcomed X" is a meeting with X, "welcomed the decision" none; "welcomed a delegation" is one
      // "paid a courtesy visit to X" met X; "paid a visit to Japan" met nobody named
      const welcome = (/^welcome/.test(t[0]) || /\bvisit\s+to$/.test(t[0]) || /^visited$/.test(t[0])) && !/^\s+(?:a|the)\s+(?:[\w-]+\s+){0,2}delegation\b/.test(s.text.slice(t.index + t[0].length));
      const before = s.text.slice(0, t.index);
      // passive "was hosted", "were received"
      if (/\b(?:was|were|is|are|been|be)\s+$/.test(before) && /^(?:received|hosted|met)/.test(t[0]) && !/\sby$/.test(t[0])) continue;
      // "the meeting of X with Y": X is the subject
      let subject: Mention | undefined;
      const ofPart = /^meetings?\s+(?:of|between)\s+/.exec(t[0]);
      if (ofPart) {
        const within = sm.filter((x) => x.start >= trigStart && x.end <= trigEnd && x.official >= 0 && x.kind !== 'counterpart');
        subject = within[0];
      }
      const clauseStart = Math.max(before.lastIndexOf(';') + 1, 0);
      const beforeMentions = sm.filter((x) => x.end <= trigStart && x.start >= s.start + clauseStart && x.official >= 0 && x.kind !== 'counterpart');
      // "X, accompanied by Y and Z, met …": X is the subject, Y and Z take part with X
      const escort = ACCOMPANIED_CLAUSE.exec(before);
      const escorts = escort ? beforeMentions.filter((x) => x.start >= s.start + escort.index && x.kind !== 'pronoun') : [];
      if (!subject) {
        // "The minister, who was accompanied by Y, is to meet …": Y, inside the relative clause, is not the subject
        const relative = [...before.matchAll(/,\s*(?:who|whose)\s[^,;]*,/g)].map((m) => [s.start + m.index, s.start + m.index + m[0].length]);
        const outside = beforeMentions.filter((x) => !relative.some(([a, b]) => x.start >= a && x.end <= b));
        const named = outside.filter((x) => x.kind !== 'pronoun' && !escorts.includes(x));
        subject = named.length ? named[named.length - 1] : outside.filter((x) => !escorts.includes(x)).pop();
      }
      const region = regionEnd(report.body.slice(0, s.end), trigEnd);
      const objectMentions = sm.filter((x) => x.start >= trigEnd && x.end <= region && (x.official >= 0 || x.kind === 'counterpart'));
      const objectCands = objectMentions.filter((x) => x.official >= 0 && x.kind !== 'pronoun' && x.official !== subject?.official);
      // the object is the first mention, and the ones listed with it ("met X and Foreign Minister Y")
      // "The (European) delegation met with …": the person who leads the delegation named earlier
      if (!subject && /\b[Tt]he\s+(?:[\p{Lu}][\p{L}-]*\s+)?delegation\s+(?:also\s+)?$/u.test(s.text.slice(clauseStart, t.index))) {
        const leader = delegationLeader(s.index);
        if (leader >= 0) subject = { official: leader, kind: 'description', start: trigStart, end: trigStart, sentence: s.index };
      }
      // "X received A, whom he thanked …, and later met B", "X met A, with whom he discussed …, and with B": the
      // verbs coordinated after the first meeting's counterparts share its subject
      if (prevSubject && SHARED_SUBJECT.test(report.body.slice(prevEnd, trigStart))) subject = prevSubject;
      const titleOnly = !subject && UNNAMED_SUBJECT.test(s.text.slice(clauseStart, t.index));
      // "President X hosted him", "received her": the person the pronoun right after the verb stands for
      const pronoun = /^\s+(?:him|her)\b/.exec(s.text.slice(t.index + t[0].length));
      if (!objectCands.length && pronoun && subject && /^(?:received|receives|hosted|hosts|welcomed|met)$/.test(t[0])) {
        const guest = objectPronoun(s, trigStart, subject.official);
        if (guest >= 0) objectCands.push({ official: guest, kind: 'pronoun', start: trigEnd + pronoun[0].length - 3, end: trigEnd + pronoun[0].length, sentence: s.index });
      }
      // "a summit hosted by Japan": a passive names the person met
      if (/\sby$/.test(t[0]) && !objectCands.length) continue;
      const objects = objectCands.slice(0, 1);
      for (const x of objectCands.slice(1)) {
        // "…, and Zhao Leji, chairman of …, also met with …": the subject of the next meeting verb is no object
        const rest = s.text.slice(x.end - s.start);
        const nextVerb = /^[^.;]*?\b(?:also\s+)?(?:met|meets|received|receives|held\s+talks|hosted)\b/.exec(rest);
        if (nextVerb && !sm.some((y) => y.start > x.end && y.start < x.end + nextVerb.index && y.official >= 0 && y.official !== x.official && y.kind !== 'description')) break;
        // honorifics' full stops ("His Excellency Mr. ") end no sentence
        const gap = report.body.slice(objects[objects.length - 1].end, x.start).replace(/\b(Mr|Mrs|Ms|Dr|Prof|H\.E)\./g, '$1');
        const listed = subject || titleOnly ? LIST_GAP.test(gap) : /^\s+and\s+(?:with\s+)?[\p{Lu}][^,;]*$/u.test(gap);
        // "… with X, whose country will chair the OSCE, and with Y": the repeated "with" starts the next one
        const andWith = /,\s*and\s+with\s+([^;]*)$/.exec(gap);
        if (!listed || !(gapWordsOk(gap) || (andWith && gapWordsOk(andWith[1])))) break;
        if (!andWith && verbBetween(s, objects[objects.length - 1].end, x.start)) break;
        objects.push(x);
      }
      // "The Secretary-General met with X": a subject named only by a title that fits none of the officials is
      // someone unnamed, not the report's main actor
      const unnamedSubject = titleOnly && objects.length > 0;
      // "at the meeting with X, Y gave …": subject after the object
      if (!subject && objects.length && !unnamedSubject) {
        // "In a meeting with X, Secretary General of NATO, on Monday, Y said": the clause ends at the comma after X's title
        const from = MEETING_OPENER.test(before) ? objects[objects.length - 1].end : region;
        const later = sm.filter((x) => x.start >= from && x.official >= 0 && x.kind !== 'pronoun' && !objects.some((o) => o.official === x.official));
        subject = later[0];
      }
      // "The Slovak premier, who arrived on Wednesday, had held talks with …": the official of that country named before
      if (!subject && !unnamedSubject) {
        const d = DEMONYM_SUBJECT.exec(s.text.slice(clauseStart, t.index));
        const code = d ? demonymCode(d[1]) : null;
        // countries are settled after meetings: "Tomas Berg of Norway", "Norway's Tomas Berg" place him too
        const placed = (x: Mention) =>
          officials[x.official].country === code ||
          sentences[x.sentence].places.some((p) => p.code === code && p.end <= x.end + 15 && p.start >= x.start - 25 && !/[,;]/.test(report.body.slice(Math.min(p.end, x.end), Math.max(p.start, x.start))));
        const known = code ? [...mentions.bySentence.slice(0, s.index).flat(), ...sm.filter((x) => x.end <= trigStart)].filter((x) => x.official >= 0 && x.kind !== 'pronoun' && x.kind !== 'counterpart' && placed(x)) : [];
        if (known.length) subject = { ...known[0], start: trigStart, end: trigStart, kind: 'description' };
      }
      let guessedSubject = false;
      // "At the ceremony, Dame Cindy welcomed …": a subject named right before the verb but not known as an official is
      // someone the report names, not its main actor
      if (!subject && !unnamedSubject && s.runs.some((r) => r.person && /^\s+$/.test(report.body.slice(r.end, trigStart)))) continue;
      if (!subject && !unnamedSubject) {
        const main = mentions.mainActor();
        if (main >= 0 && (objects.length === 0 || objects[0].official !== main)) subject = { official: main, kind: 'description', start: 0, end: 0, sentence: s.index };
        guessedSubject = true;
      }
      // "X and his two deputies, Y and Z, are to meet …": the people coordinated with the subject meet too
      const subjects = subject && subject.official >= 0 ? [subject.official] : [];
      if (subject && subject.official >= 0 && subject.kind !== 'pronoun') {
        const named = beforeMentions.filter((x) => x.kind !== 'pronoun');
        let k = named.indexOf(subject);
        while (k > 0) {
          const gap = report.body.slice(named[k - 1].end, named[k].start);
          if (!/^\s*,?\s*and\s/.test(gap) || !gapWordsOk(gap) || verbBetween(s, named[k - 1].end, named[k].start)) break;
          if (!subjects.includes(named[k - 1].official)) subjects.unshift(named[k - 1].official);
          k--;
        }
      }
      for (const x of escorts) if (!subjects.includes(x.official)) subjects.push(x.official);
      const participants: number[] = [...subjects];
      for (const o of objects) if (!participants.includes(o.official)) participants.push(o.official);
      // unnamed counterparts: countries named in the object ("his colleagues from the USA, Brazil …")
      const countries: string[] = [];
      // the counterpart must follow the verb, after titles only ("welcomed the decision of X" met nobody)
      if ((welcome || discussion) && objects.length && !gapWordsOk(report.body.slice(trigEnd, objects[0].start).replace(/['’]s\b/g, ''))) continue;
      if (welcome && objects.length === 0) continue;
      if (discussion && objects.length === 0 && !objectMentions.some((x) => x.kind === 'counterpart') && !COUNTERPARTS.test(report.body.slice(trigEnd, region))) continue;
      if (objects.length === 0) {
        for (const p of s.places) {
          if (p.start < trigEnd || p.end > region || p.kind === 'city') continue;
          const pre = report.body.slice(Math.max(s.start, p.start - 12), p.start);
          if (/\b(?:in|at)\s+(?:the\s+)?$/.test(pre)) continue;
          if (!countries.includes(p.code)) countries.push(p.code);
        }
        for (const c of objectMentions.filter((x) => x.kind === 'counterpart' && x.country)) if (!countries.includes(c.country!)) countries.push(c.country!);
      }
      // the subject named again as the counterpart ("the Foreign Minister met with the Vice-Minister …, Kenji Mori", the
      // title read as Mori's): the sides are not known
      if (objects.length === 0 && subject && subject.kind !== 'pronoun' && objectMentions.some((x) => x.official === subject!.official && x.kind !== 'pronoun')) continue;
      const subjCountry = participants.length ? officials[participants[0]].country : null;
      const cleanCountries = countries.filter((c) => c !== subjCountry || countries.length === 1);
      if (participants.length + cleanCountries.length < 2 && !unnamedSubject) continue;
      if (participants.length === 0) continue;
      // "will visit Washington next week for talks with …": the future reaches over the clause
      const planned = PLANNED_BEFORE.test(before) || /\b(?:will|shall|would|(?:is|are)\s+(?:expected|scheduled|due|set)\s+to|(?:is|are)\s+due\s+(?:in|at)|plans?\s+to)\s[^,;]*$/.test(before);
      const status: MeetingStatus = planned ? 'planned' : 'held';
      const placeEnd = objects.length ? Math.min(region, objects[objects.length - 1].end + 60) : region;
      const { place, conference } = remote ? { place: null, conference: null } : placeFor(s, trigStart, placeEnd);
      // counterparts take the title of the official they are the counterpart of
      if (participants.length >= 2) {
        for (const p of participants.slice(1)) {
          const o = officials[p];
          if (o.counterpartOnly && !o.titles.length && officials[participants[0]].titles.length) o.titles.push(officials[participants[0]].titles[0]);
        }
      }
      // "held bilateral meetings with X and with Y", "received X and Y in separate audiences": one meeting each
      // "held meetings with his colleagues from A, B and C": one meeting per country
      // a list whose items are set apart by semicolons names people of different offices, met one by one
      const semicolons = objects.length >= 3 && report.body.slice(objects[0].end, objects[objects.length - 1].start).includes(';');
      // "a series of bilateral talks …, including with A and B": one meeting each
      const series = /\b(?:series|rounds?)\s+of\b|\bbilateral\b/.test(s.text.slice(Math.max(0, t.index - 40), t.index + t[0].length)) && /\b(?:including|notably|among\s+them)\s+with$/.test(t[0]);
      const plural = /\bseparate(?:ly)?\b/i.test(s.text) || (!discussion && /\b(?:meetings|calls)\b/.test(t[0])) || semicolons || series;
      const separate = objects.length >= 2 && plural;
      // "met with his counterparts from A, B and C": one meeting per country (a discussion with them is one meeting)
      const counterparts = !discussion && COUNTERPARTS.test(report.body.slice(trigEnd, region));
      const perCountry = objects.length === 0 && cleanCountries.length >= 2 && (plural || counterparts);
      const host = subjects;
      const groups: Array<{ group: number[]; countries: string[] }> = separate
        ? objects.map((o) => ({ group: [...host, o.official], countries: [...cleanCountries] }))
        : perCountry
          ? cleanCountries.map((c) => ({ group: [...participants], countries: [c] }))
          : [{ group: participants, countries: cleanCountries }];
      const found = rule(remote ? 'meeting.call' : separate || perCountry ? 'meeting.separate' : 'meeting.verb', guessedSubject);
      for (const { group, countries: groupCountries } of groups) {
        const meeting: ExtractedMeeting = {
          participants: group,
          countries: groupCountries,
          date: dateFor(s),
          city: place?.city ?? null,
          country: place?.country ?? (place?.city ? cityCode(place.city) : null),
          topics: [],
          outcome: null,
          status,
          conference,
          recalled: false,
          sentenceIndex: s.index,
          evidence: { sentence: s.text, start: s.start, end: s.end },
        };
        // the same people met again only when the report says so ("Later, X held a separate meeting with Y")
        const again = ANOTHER_ENCOUNTER.test(s.text.slice(0, t.index + t[0].length)) || /^[^.;]*?\s+again\b/.test(s.text.slice(t.index + t[0].length));
        if (restated(meeting, discussion, again)) continue;
        meetings.push({ ...meeting, extraction: found });
      }
      made = true;
      prevSubject = subject;
      prevEnd = objects.length ? objects[objects.length - 1].end : trigEnd;
      // a later meeting verb of the same sentence may report another meeting ("X met Y, and Z also met Y")
      TRIGGER.lastIndex = Math.max(TRIGGER.lastIndex, (objects.length ? objects[objects.length - 1].end : region) - s.start);
    }
    // "… at the invitation of Prime Minister X, with whom he is expected to hold talks on Thursday"
    const whom = made ? null : WITH_WHOM.exec(s.text);
    if (whom) {
      const at = s.start + whom.index;
      const host = sm.filter((x) => x.end <= at && x.official >= 0 && x.kind !== 'pronoun' && x.kind !== 'counterpart').pop();
      // "he" is the sentence's subject ("Kakar arrived …, with whom he …"), not the host just named
      const subj = sm.find((x) => x.end <= at && x.official >= 0 && x.kind !== 'pronoun' && x.kind !== 'counterpart');
      const guest = subj && subj.official !== host?.official ? subj.official : mentions.mainActor();
      if (host && guest >= 0 && guest !== host.official) {
        const { place, conference } = placeFor(s, at + whom[0].length, s.end);
        const rest = s.text.slice(whom.index + whom[0].length);
        const d = s.dates.find((x) => x.start >= at && x.from.value === x.to.value);
        meetings.push({
          participants: [guest, host.official],
          countries: [],
          date: d?.from ?? dateFor(s),
          city: place?.city ?? null,
          country: place?.country ?? (place?.city ? cityCode(place.city) : null),
          topics: topicsOf(rest),
          outcome: null,
          status: /\b(?:will|expected|scheduled|due|set\s+to|is\s+to|plans?)\b/.test(whom[0]) ? 'planned' : 'held',
          conference,
          recalled: false,
          sentenceIndex: s.index,
          evidence: { sentence: s.text, start: s.start, end: s.end },
          extraction: rule('meeting.with-whom'),
        });
        made = true;
      }
    }
    // "X and Y discussed … at a meeting in Minsk on 8 June"
    const joint = made ? null : JOINT_AT.exec(s.text);
    if (joint && !inConference(s.start + joint.index)) {
      const at = s.start + joint.index;
      const named = sm.filter((x) => x.end <= at && x.official >= 0 && x.kind !== 'pronoun' && x.kind !== 'counterpart');
      const group: number[] = [];
      for (const x of named) {
        if (group.includes(x.official)) continue;
        if (group.length) {
          const prev = named.find((y) => y.official === group[group.length - 1])!;
          const gap = report.body.slice(prev.end, x.start);
          if (!/^\s*(?:,\s*)?(?:and\s+)?/.test(gap) || !/^\s*(?:,|and)\s/.test(gap) || !gapWordsOk(gap)) break;
        }
        group.push(x.official);
      }
      if (group.length >= 2) {
        const call = REMOTE.test(joint[0]);
        const { place, conference } = call ? { place: null, conference: null } : placeFor(s, at + joint[0].length, s.end);
        meetings.push({
          participants: group,
          countries: [],
          date: dateFor(s),
          city: place?.city ?? null,
          country: place?.country ?? (place?.city ? cityCode(place.city) : null),
          topics: [],
          outcome: null,
          status: PLANNED_BEFORE.test(s.text.slice(0, joint.index)) ? 'planned' : 'held',
          conference,
          recalled: false,
          sentenceIndex: s.index,
          evidence: { sentence: s.text, start: s.start, end: s.end },
          extraction: rule(call ? 'meeting.call' : 'meeting.joint'),
        });
        made = true;
      } else if (joint.index === 0 && !meetings.some((m) => !m.recalled)) {
        // "At the bilateral meeting, X stressed …" in a report that has told of a visit but of no meeting yet: X met
        // the visitor (the leader of the visiting delegation, else the first official of another country named before)
        const speaker = sm.find((x) => x.start >= at + joint[0].length && x.official >= 0 && x.kind !== 'pronoun' && x.kind !== 'counterpart');
        const home = speaker ? officials[speaker.official].country : null;
        const leader = delegationLeader(s.index);
        const earlier = mentions.bySentence.slice(0, s.index).flat().filter((x) => x.official >= 0 && x.kind !== 'pronoun' && x.kind !== 'counterpart');
        const visitor = leader >= 0 ? leader : (earlier.find((x) => home && officials[x.official].country && officials[x.official].country !== home)?.official ?? -1);
        if (speaker && home && visitor >= 0 && visitor !== speaker.official) {
          const m = heldMeeting(s, at + joint[0].length, { participants: [speaker.official, visitor], countries: [], topics: [] });
          meetings.push({ ...m, extraction: rule('meeting.at-the-meeting') });
          made = true;
        }
      }
    }
    // "X and Y discussed …", "The Minister and Z also exchanged views on …": two sides talking, no meeting verb
    const talk = made ? null : JOINT_TALK.exec(s.text);
    if (talk) {
      const at = s.start + talk.index;
      const named = sm.filter((x) => x.end <= at && x.official >= 0 && x.kind !== 'pronoun' && x.kind !== 'counterpart');
      const last = named[named.length - 1];
      const group: number[] = [];
      // the closing comma of an apposition ("X and his counterpart, Y, reviewed …") still joins the last name to the verb
      if (last && /^\s*,?\s*$/.test(report.body.slice(last.end, at))) {
        group.push(last.official);
        for (let k = named.length - 2; k >= 0; k--) {
          const gap = report.body.slice(named[k].end, named[k + 1].start);
          if (named[k].official === named[k + 1].official) continue;
          if (!/^\s*,?\s*and\s/.test(gap) || !gapWordsOk(gap) || group.includes(named[k].official)) break;
          group.unshift(named[k].official);
          break;
        }
      }
      const [a, b] = group.map((i) => officials[i].country);
      if (group.length === 2) {
        const m: ExtractedMeeting = {
          ...heldMeeting(s, at + talk[0].length, { participants: group, countries: [], topics: [] }),
          status: PLANNED_BEFORE.test(s.text.slice(0, talk.index)) || /\b(?:will|would|are\s+to)\s+$/.test(s.text.slice(0, talk.index)) ? 'planned' : 'held',
          extraction: rule(REMOTE.test(talk[0]) ? 'meeting.call' : 'meeting.joint-talk'),
        };
        // on its own, talk is a meeting only between two sides known to differ (not a minister and a deputy at home)
        // (a call between two named officials is a meeting whoever they are)
        if (!restated(m, true) && ((a && b && a !== b) || REMOTE.test(talk[0]))) meetings.push(m);
      }
    }
  }

  // topics: the meeting's sentence and the ones after it, up to the next meeting
  const starts = meetings.map((m) => m.sentenceIndex);
  meetings.forEach((m) => {
    const next = Math.min(...starts.filter((x) => x > m.sentenceIndex), sentences.length);
    const texts = sentences.slice(m.sentenceIndex, Math.min(next, m.sentenceIndex + 4)).map((x) => x.text);
    const topics = topicsOf(texts.join(' '));
    m.topics = [...new Set([...m.topics, ...topics])];
    const outcome = /\b(?:signed|agreed to sign|reached an agreement|an agreement was reached)\b[^.]*/.exec(texts.join(' '));
    if (outcome) m.outcome = outcome[0].trim();
  });

  // meetings split from one sentence share its date; a lead sentence dated "on Tuesday"/"today" dates the
  // day's meetings reported after it that give no date of their own
  for (const m of meetings) {
    if (m.date) continue;
    const sibling = meetings.find((x) => x !== m && x.sentenceIndex === m.sentenceIndex && x.date && !retold.has(x));
    if (sibling) m.date = sibling.date;
  }
  // the lead is the first paragraph's first sentence that states a day ("ASTANA." alone before it is the dateline)
  // (a headline standing as a paragraph of its own, with no full stop, is not the lead)
  const headline = sentences[0] && sentences.filter((x) => x.paragraph === sentences[0].paragraph).length === 1 && !/[.!?"”]\s*$/.test(sentences[0].text);
  const leadParagraph = headline ? sentences.find((x) => x.paragraph !== sentences[0].paragraph)?.paragraph : sentences[0]?.paragraph;
  const lead = sentences.filter((x) => x.paragraph === leadParagraph).find((x) => dayOf(x));
  const leadDate = lead?.dates.find((x) => x.from.precision === 'DAY' && x.from.value === x.to.value && !statementDate(x) && !inDateline(x) && !inConference(x.start));
  // a lead about a conference dates the conference, unless it tells of the meetings held there that day
  const leadOfMeetings = lead && (!conferences.some((c) => c.sentenceIndex === lead.index) || LEAD_MEETINGS.test(lead.text));
  if (lead && leadDate && leadOfMeetings) {
    // "X also met Y", "earlier, X met Z": another encounter, on a day the report does not give
    const first = meetings.find((m) => !m.recalled);
    for (const m of meetings) {
      if (m.date || m.recalled || m.status !== 'held') continue;
      // the first meeting told takes the lead's day unless a sentence between them gives another
      // (a month or a year named in between belongs to some other event and moves no day)
      const between = sentences.slice(lead.index + 1, m.sentenceIndex).some((x) => dayOf(x));
      // a lead that announces a series of meetings ("held a number of bilateral meetings yesterday") dates each
      // one told after it, the "later" and "also" ones included
      const series = SERIES_LEAD.test(lead.text) && !between;
      if (m === first ? m.sentenceIndex <= lead.index + 2 || !between : series || !/\b(?:also|later|earlier|separately|afterwards|another)\b/i.test(m.evidence.sentence)) m.date = leadDate.from;
    }
  }
  // "spoke by phone on Monday": a meeting held lies on or before the publication day, whatever future words are near
  for (const m of meetings) {
    if (m.status !== 'held' || !m.date?.inferred || m.date.precision !== 'DAY' || m.date.value <= report.publishedDate) continue;
    const day = new Date(`${m.date.value}T00:00:00Z`);
    day.setUTCDate(day.getUTCDate() - 7);
    if (day.toISOString().slice(0, 10) <= report.publishedDate) m.date = { ...m.date, value: day.toISOString().slice(0, 10) };
  }
  // "on Wednesday he will receive …": a weekday of a meeting still to come lies after the publication day
  for (const m of meetings) {
    if (m.status !== 'planned' || !m.date?.inferred || m.date.precision !== 'DAY' || m.date.value >= report.publishedDate) continue;
    const day = new Date(`${m.date.value}T00:00:00Z`);
    day.setUTCDate(day.getUTCDate() + 7);
    if (day.toISOString().slice(0, 10) > report.publishedDate) m.date = { ...m.date, value: day.toISOString().slice(0, 10) };
  }
  return meetings.filter((m) => m.participants.length > 0 || m.countries.length >= 2);
}
