// Builds data/unsc-resolutions.json (number -> symbol, date, meeting topic, vote, meeting of every
// Security Council resolution the shared index holds) from shared/sources/unsc-resolutions-index.json.
// Used by build-from-shared.mjs (to write it) and verify-against-shared.mjs (to re-check it).
// Every value is copied from the source; only keys are renamed (title -> topic, date_variants ->
// dateVariants) and the per-entry source_file is dropped (source.where names the files).

/** Renamed keys of an entry's date_variants. */
const DATE_VARIANT_KEYS = { dhl_table_meeting_date: 'dhlTableMeetingDate', un_resolution_text_date: 'unResolutionTextDate' };
const ENTRY_KEYS = new Set(['number', 'symbol', 'date', 'title', 'vote', 'meeting', 'date_variants', 'note', 'source_file']);

function fail(message) {
  throw new Error(`unsc-resolutions: ${message}`);
}

/** One index entry of the data file, from one source entry. */
export function buildUnscEntry(r) {
  for (const key of Object.keys(r)) if (!ENTRY_KEYS.has(key)) fail(`resolution ${r.number}: unknown field ${key}`);
  const entry = {
    number: r.number,
    symbol: r.symbol,
    date: r.date ?? null,
    topic: r.title,
    vote: r.vote ?? null,
    meeting: r.meeting ?? null,
  };
  if (r.date_variants) {
    entry.dateVariants = {};
    for (const [key, value] of Object.entries(r.date_variants)) {
      const renamed = DATE_VARIANT_KEYS[key] ?? fail(`resolution ${r.number}: unknown date variant ${key}`);
      entry.dateVariants[renamed] = value;
    }
  }
  if (typeof r.note === 'string' && r.note !== '') entry.note = r.note;
  return entry;
}

/** The whole data file. `curated` is overlay.json's `unscResolutions` entry (description, notes). */
export function buildUnscIndex(source, curated) {
  if (!curated?.description || !curated?.notes) fail('overlay.unscResolutions needs description and notes');
  const resolutions = source.resolutions.map(buildUnscEntry);
  resolutions.forEach((r, i) => {
    if (r.number !== i + 1) fail(`entry ${i} is resolution ${r.number}; expected ${i + 1} (the source must list 1..N in order)`);
  });
  const cov = source.coverage;
  if (cov.first !== 1 || cov.last !== resolutions.length || cov.count !== resolutions.length) {
    fail(`coverage ${cov.first}-${cov.last} (${cov.count}) does not match the ${resolutions.length} entries`);
  }
  if ((cov.missing_numbers_in_range ?? []).length) fail('the source lists missing numbers inside its range; the build does not handle gaps');
  const nullDates = resolutions.filter((r) => r.date === null).map((r) => r.number);
  if (JSON.stringify(nullDates) !== JSON.stringify(cov.null_dates)) fail('entries with a null date differ from coverage.null_dates');
  const nullVotes = resolutions.filter((r) => r.vote === null).map((r) => r.number);
  if (JSON.stringify(nullVotes) !== JSON.stringify(cov.null_votes)) fail('entries with a null vote differ from coverage.null_votes');
  const s = source.source ?? {};
  const summary = source.crossChecksSummary ?? {};
  return {
    description: curated.description,
    source: {
      where: s.where ?? null,
      retrievedVia: s.retrieved_via ?? null,
      publisher: s.dataset_publisher ?? null,
      notUsed: s.licence_terms_line_of_the_UN_voting_dataset_NOT_used ?? null,
      notes: source.notes ?? null,
      corrections: source.corrections_applied ?? [],
      crossCheckMethod: summary.method ?? null,
      crossCheckResult: summary.systematic_result ?? null,
      crossChecks: (source.crossChecks ?? []).map((c) => ({
        number: c.number,
        secondSource: c.second_source ?? null,
        result: c.result,
      })),
    },
    notes: curated.notes,
    coverage: {
      first: cov.first,
      last: cov.last,
      count: cov.count,
      missing: (cov.missing_ranges ?? []).join(' '),
      nullDates,
      nullVotes,
    },
    resolutions,
  };
}

/** 2-space JSON, except that each resolution is one line; trailing newline. Deterministic. */
export function stringifyUnscIndex(index) {
  const { resolutions, ...rest } = index;
  const head = JSON.stringify({ ...rest, resolutions: [] }, null, 2);
  const marker = '"resolutions": []';
  if (!head.endsWith(`${marker}\n}`)) fail('unexpected layout');
  const lines = resolutions.map((r) => `    ${JSON.stringify(r)}`).join(',\n');
  return `${head.slice(0, -(marker.length + 2))}"resolutions": [\n${lines}\n  ]\n}\n`;
}
