/**
 * Leaving out facts whose extraction confidence is below a threshold, consistently: an official left out
 * no longer takes part in any meeting or conference, a meeting that loses a participant and is left
 * with fewer than two sides (named participants plus unnamed countries) is left out too, since a meeting
 * needs a counterpart, and a meeting no longer points at a conference that was left out.
 * Works on the extractor's output and on an IngestArticleInput alike; facts without an `extraction`
 * (stated by hand in a JSON input, not extracted) are kept.
 */
import type { RuleMatch } from './extract';

interface Scored {
  extraction?: RuleMatch | null;
}

interface FactSet {
  officials?: Array<Scored & { name: string }>;
  meetings?: Array<Scored & { participants: string[]; countries?: string[]; conference?: string | null }>;
  conferences?: Array<Scored & { name: string; participants?: string[] }>;
}

/** Parses a `--min-confidence` value: a number from 0 to 1, else null. */
export function parseConfidence(text: string): number | null {
  if (!/^\s*(?:\d+(?:\.\d*)?|\.\d+)\s*$/.test(text)) return null;
  const value = Number(text);
  return value >= 0 && value <= 1 ? value : null;
}

const keeps = (fact: Scored, min: number) => !fact.extraction || fact.extraction.confidence >= min;

/** A copy of `facts` without those below `min` (see the module comment for what follows from a removal). */
export function dropBelowConfidence<T extends FactSet>(facts: T, min: number): T {
  const officials = facts.officials?.filter((o) => keeps(o, min));
  const dropped = new Set((facts.officials ?? []).filter((o) => !keeps(o, min)).map((o) => o.name));
  const present = (names: string[]) => names.filter((n) => !dropped.has(n));
  const conferences = facts.conferences?.filter((c) => keeps(c, min)).map((c) => (c.participants ? { ...c, participants: present(c.participants) } : c));
  const conferenceNames = new Set((conferences ?? []).map((c) => c.name));
  const meetings = facts.meetings
    ?.filter((m) => keeps(m, min))
    .map((m) => {
      const participants = present(m.participants);
      const sides = participants.length + (m.countries?.length ?? 0);
      const lostCounterpart = participants.length < m.participants.length && sides < 2;
      if (sides === 0 || lostCounterpart) return null;
      const conference = m.conference !== undefined && m.conference !== null && !conferenceNames.has(m.conference) ? { conference: null } : {};
      return { ...m, participants, ...conference };
    })
    .filter((m) => m !== null);
  return {
    ...facts,
    ...(officials ? { officials } : {}),
    ...(meetings ? { meetings } : {}),
    ...(conferences ? { conferences } : {}),
  };
}
