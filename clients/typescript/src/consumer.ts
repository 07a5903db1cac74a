/**
 * A small consumer of the portal's public API, typed by the OpenAPI document.
 *
 * Reads the latest articles in both languages and one in detail, pages through the legal
 * documents, reads the work calendar and the change stream.
 *
 * `src/schema.d.ts` is generated from `/api/v2/openapi.json` by openapi-typescript (npm run
 * generate); openapi-fetch turns it into a fetch client whose paths, query parameters and
 * answers are checked by `tsc --strict`. A change of the API that breaks this file breaks
 * the build, before any sister portal finds out.
 *
 *     node dist/consumer.js http://127.0.0.1:8000
 *
 * Prints what it read, one line per fact; exits with 1 on any unexpected answer.
 */
import createClient from "openapi-fetch";

import type { paths } from "./schema.js";

type ChangesQuery = NonNullable<paths["/api/v2/changes/"]["get"]["parameters"]["query"]>;

const LANGUAGES = ["vi", "en"] as const;
const PAGE_SIZE = 5;

const baseUrl = process.argv[2] ?? process.env.PORTAL_URL ?? "http://127.0.0.1:8000";
const api = createClient<paths>({ baseUrl });

function fail(what: string, detail: unknown): never {
  throw new Error(`${what}: ${JSON.stringify(detail)}`);
}

/** The latest news articles in each language, then the first one's detail. */
async function latestArticles(): Promise<void> {
  for (const locale of LANGUAGES) {
    const { data, error } = await api.GET("/api/v2/pages/", {
      params: {
        query: {
          type: "articles.NewsArticlePage",
          locale,
          order: "-date",
          limit: 3,
          fields: "title,date",
        },
      },
    });
    if (!data) fail(`articles (${locale})`, error);
    console.log(`articles ${locale}: ${data.meta.total_count}`);
    for (const item of data.items) {
      console.log(`article ${locale} ${item.id}: ${item.title}`);
    }
    const first = data.items[0];
    if (first?.id === undefined) continue;
    const detail = await api.GET("/api/v2/pages/{id}/", {
      params: { path: { id: first.id } },
    });
    if (!detail.data) fail(`page ${first.id}`, detail.error);
    const page = detail.data;
    console.log(`detail ${page.id}: ${page.title} <${page.meta?.html_url ?? ""}>`);
  }
}

/** Every legal document, a page at a time, checking that no id comes twice. */
async function legalDocuments(): Promise<void> {
  const seen = new Set<number>();
  let total = Infinity;
  for (let offset = 0; offset < total; offset += PAGE_SIZE) {
    const { data, error } = await api.GET("/api/v2/legal-documents/", {
      params: { query: { limit: PAGE_SIZE, offset, order: "-issue_date" } },
    });
    if (!data) fail("legal documents", error);
    total = data.meta.total_count;
    for (const document of data.items) {
      if (document.id === undefined || seen.has(document.id)) fail("repeated", document.id);
      seen.add(document.id);
    }
  }
  if (seen.size !== total) fail("legal documents paged", { seen: seen.size, total });
  console.log(`legal documents: ${seen.size} read in pages of ${PAGE_SIZE}`);
}

/** The entries of the work calendar, by day. */
async function workCalendar(): Promise<void> {
  const { data, error } = await api.GET("/api/v2/work-calendar/", {
    params: { query: { locale: "vi", limit: 10 } },
  });
  if (!data) fail("work calendar", error);
  console.log(`work calendar entries: ${data.meta.total_count}`);
  for (const entry of data.items) {
    const time = entry.start_time ?? "";
    console.log(`entry ${entry.id}: ${entry.week} ${entry.date} ${time} ${entry.content ?? ""}`);
  }
}

/**
 * The change stream of the last day, to its end: what was published, changed, and what left
 * the public set (tombstones), oldest first; `meta.next_cursor` continues where it stopped.
 */
async function changes(): Promise<void> {
  const since = new Date(Date.now() - 24 * 3600 * 1000).toISOString();
  const endpoint = "pages,legal-documents,work-calendar";
  let cursor: string | null = null;
  const counts = { upsert: 0, delete: 0 };
  for (;;) {
    const query: ChangesQuery = cursor === null ? { since, endpoint, limit: 20 } : { cursor, endpoint, limit: 20 };
    const { data, error } = await api.GET("/api/v2/changes/", { params: { query } });
    if (!data) fail("changes", error);
    for (const change of data.items) {
      counts[change.event] += 1;
      console.log(`change ${change.event} ${change.endpoint} ${change.id}: ${change.reason}`);
    }
    cursor = data.meta.next_cursor;
    if (!data.meta.has_more) break;
  }
  console.log(`changes: ${counts.upsert} upserts, ${counts.delete} deletions`);
}

async function main(): Promise<void> {
  await latestArticles();
  await legalDocuments();
  await workCalendar();
  await changes();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
