// Kinds of finding that more than one rule sees, and that one rule owns (RuleMeta `owns`). A rule
// tags such a problem with its topic (ReportDescriptor `topic`); the engine keeps it only while no
// enabled rule owns the topic, so one flaw is one problem and no rule asks whether another is on.

/** The link of a relation line: "Supersedes [..](..)", "Superseded by [..](..)", "Amends [..](..)". */
export const RELATION_LINK = 'relation-link';
