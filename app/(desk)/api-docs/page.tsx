import type { Metadata } from "next";
import type { oas31 } from "zod-openapi";
import { buildOpenApiDocument, listOperations } from "@/app/api/openapi.json/document";
import { MethodBadge, OperationSection } from "./operation-section";
import { Prose } from "./prose";
import { SchemaView, schemaAnchor } from "./schema-view";

export const metadata: Metadata = { title: "API reference" };

/** An empty requirement list means no session; an empty requirement among others, that one is optional. */
function accessOf(security: oas31.SecurityRequirementObject[]): string {
  if (security.length === 0) return "Public";
  return security.some((requirement) => Object.keys(requirement).length === 0) ? "Session optional" : "Needs a session";
}

/** Public: the rendering of /api/openapi.json, for people. */
export default function ApiDocsPage() {
  const openApi = buildOpenApiDocument();
  const operations = listOperations(openApi);
  const sections = (openApi.tags ?? []).map((tag) => ({
    ...tag,
    operations: operations.filter(({ operation }) => operation.tags.includes(tag.name)),
  }));

  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <h1 className="text-2xl font-semibold tracking-tight">{openApi.info.title}</h1>
        <Prose text={openApi.info.description ?? ""} />
        <p className="text-sm">
          <a href="/api/openapi.json" className="text-blue-800 underline underline-offset-2">
            OpenAPI {openApi.openapi} document (JSON)
          </a>
          <span className="text-slate-700"> · version {openApi.info.version}</span>
        </p>
      </header>

      <nav aria-labelledby="contents-heading" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <h2 id="contents-heading" className="text-base font-semibold">
          Contents
        </h2>
        <ul className="mt-3 grid gap-4 text-sm sm:grid-cols-2 lg:grid-cols-3">
          {sections.map((section) => (
            <li key={section.name}>
              <a href={`#tag-${section.name}`} className="font-medium text-blue-800 underline underline-offset-2">
                {section.name}
              </a>
              <ul className="mt-1 space-y-1">
                {section.operations.map(({ path, method, operation }) => (
                  <li key={operation.operationId} className="flex items-start gap-2">
                    <MethodBadge method={method} />
                    <a
                      href={`#${operation.operationId}`}
                      className="break-all text-blue-800 underline-offset-2 hover:underline"
                    >
                      {path}
                    </a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </nav>

      {sections.map((section) => (
        <section
          key={section.name}
          id={`tag-${section.name}`}
          aria-labelledby={`tag-${section.name}-heading`}
          className="space-y-4"
        >
          <div className="space-y-1">
            <h2 id={`tag-${section.name}-heading`} className="text-xl font-semibold tracking-tight">
              {section.name}
            </h2>
            <p className="text-sm text-slate-700">{section.description}</p>
          </div>
          {section.operations.map((entry) => (
            <OperationSection
              key={entry.operation.operationId}
              entry={entry}
              access={accessOf(entry.operation.security ?? openApi.security ?? [])}
            />
          ))}
        </section>
      ))}

      <section aria-labelledby="schemas-heading" className="space-y-4">
        <h2 id="schemas-heading" className="text-xl font-semibold tracking-tight">
          Schemas
        </h2>
        {Object.entries(openApi.components?.schemas ?? {}).map(([name, schema]) => (
          <section
            key={name}
            id={schemaAnchor(name)}
            aria-labelledby={`${schemaAnchor(name)}-heading`}
            className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6"
          >
            <h3 id={`${schemaAnchor(name)}-heading`} className="font-mono text-base font-semibold">
              {name}
            </h3>
            <SchemaView schema={schema} />
          </section>
        ))}
      </section>
    </div>
  );
}
