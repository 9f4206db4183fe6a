/** How a build hands its extracted events to the timeline merge (possibly in another thread). */
import type { ExtractedEvent } from "./types.ts";

/**
 * A build's events as a merge takes them: the objects, or each report's as JSON text (what the event
 * cache holds), parsed by the thread that merges. At 10,000 reports, parsing them in the build's thread
 * and copying the objects to the merge's thread put 0.5-0.9 s before the merge; copying text costs a
 * few milliseconds.
 */
export type EventsToMerge = { events: ExtractedEvent[] } | { texts: string[] };

/** The events, parsed from their texts where need be; throws on a text a killed build tore. */
export function eventsOf(input: EventsToMerge): ExtractedEvent[] {
  return "events" in input ? input.events : input.texts.flatMap((text) => JSON.parse(text) as ExtractedEvent[]);
}
