import type { Migration } from './types';

/**
 * Results reports (báo cáo kết quả kiểm tra). Office data (SYNC-RULES.md): a report is written
 * in one office and may travel to another (Phòng GD&ĐT reports to UBND huyện).
 *
 * The text is one JSON column, `body`: the clerk edits the report as one document (paragraphs
 * reordered, deleted, added), a paragraph has no life outside its report, and two offices
 * editing the same report is a conflict of the whole record either way — so the record's
 * revision covers the text, as a file's does, instead of hundreds of child rows renumbered on
 * every move. `appendix` (the list of inspected units, possibly thousands of rows) is kept
 * apart so that saving the text does not resend it. Both are validated by the shared schema
 * on every read and write.
 *
 * Amendments made after finalising are office rows of their own (as an inspection's are), so
 * two offices' amendments both survive a merge.
 */
export const migration0030: Migration = {
  version: 30,
  name: 'reports',
  up(db) {
    db.exec(`
      CREATE TABLE reports (
        id TEXT PRIMARY KEY NOT NULL,
        status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'finalised')),
        title TEXT NOT NULL DEFAULT '',
        number TEXT NOT NULL DEFAULT '',
        report_date TEXT,
        place TEXT NOT NULL DEFAULT '',
        parent_body TEXT NOT NULL DEFAULT '',
        issuing_body TEXT NOT NULL DEFAULT '',
        period_from TEXT NOT NULL,
        period_to TEXT NOT NULL,
        as_of TEXT NOT NULL,
        plan_ids TEXT NOT NULL DEFAULT '[]',
        with_charts INTEGER NOT NULL DEFAULT 0 CHECK (with_charts IN (0, 1)),
        signer_title TEXT NOT NULL DEFAULT '',
        signer_name TEXT NOT NULL DEFAULT '',
        recipients TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL DEFAULT '{"blocks":[],"refs":{}}',
        appendix TEXT NOT NULL DEFAULT '{"plans":[],"rows":[]}',
        finalised_at TEXT,
        finalised_by TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        changed_by_office TEXT NOT NULL,
        rev TEXT NOT NULL,
        rev_history TEXT NOT NULL DEFAULT '[]',
        deleted_at TEXT,
        CHECK (period_from <= period_to)
      ) STRICT;
      CREATE INDEX reports_list ON reports (updated_at DESC) WHERE deleted_at IS NULL;

      -- A change after finalising: the reason, who, and which parts changed (JSON).
      CREATE TABLE report_amendments (
        id TEXT PRIMARY KEY NOT NULL,
        report_id TEXT NOT NULL REFERENCES reports (id),
        reason TEXT NOT NULL CHECK (length(reason) > 0),
        operator TEXT NOT NULL DEFAULT '',
        changes TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        changed_by_office TEXT NOT NULL,
        rev TEXT NOT NULL,
        rev_history TEXT NOT NULL DEFAULT '[]',
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX report_amendments_report ON report_amendments (report_id, created_at);
    `);
  },
};
