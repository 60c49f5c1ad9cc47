import type { oas31 } from "zod-openapi";
import type { DocumentedOperation } from "@/app/api/openapi.json/document";
import type { HttpMethod } from "@/lib/api-description";
import { InlineText, Prose } from "./prose";
import { SchemaSummary, SchemaView } from "./schema-view";

const METHOD_STYLES: Record<HttpMethod, string> = {
  get: "bg-sky-100 text-sky-900 ring-sky-300",
  post: "bg-emerald-100 text-emerald-900 ring-emerald-300",
  put: "bg-violet-100 text-violet-900 ring-violet-300",
  patch: "bg-amber-100 text-amber-900 ring-amber-300",
  delete: "bg-red-100 text-red-900 ring-red-300",
};

export function MethodBadge({ method }: { method: HttpMethod }) {
  return (
    <span
      className={`inline-block min-w-16 rounded px-2 py-0.5 text-center font-mono text-xs font-semibold uppercase ring-1 ring-inset ${METHOD_STYLES[method]}`}
    >
      {method}
    </span>
  );
}

function ResponseItem({ status, response }: { status: string; response: oas31.ResponseObject }) {
  return (
    <div className="grid grid-cols-[3rem_minmax(0,1fr)] gap-x-2 border-t border-slate-200 py-2 first:border-t-0">
      <dt className="font-mono font-semibold">{status}</dt>
      <dd className="space-y-1 text-slate-800">
        <p>
          <InlineText text={response.description} />
        </p>
        {Object.entries(response.content ?? {}).map(([mediaType, { schema }]) => (
          <p key={mediaType}>
            <span className="font-mono text-xs text-slate-700">{mediaType}</span> <SchemaSummary schema={schema} />
          </p>
        ))}
        {Object.entries(response.headers ?? {}).map(([name, header]) => (
          <p key={name}>
            Header <code className="font-mono">{name}</code>: {header.description}
          </p>
        ))}
      </dd>
    </div>
  );
}

/** One operation: method, path, rules, parameters, request body and responses. */
export function OperationSection({ entry, access }: { entry: DocumentedOperation; access: string }) {
  const { path, method, operation } = entry;
  const id = operation.operationId;
  return (
    <section
      id={id}
      aria-labelledby={`${id}-heading`}
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6"
    >
      <div className="space-y-2">
        <h3 id={`${id}-heading`} className="text-base font-semibold">
          {operation.summary}
        </h3>
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <MethodBadge method={method} />
          <code className="font-mono font-medium break-all text-slate-900">{path}</code>
          <span className="text-slate-700">{access}</span>
        </p>
      </div>
      <Prose text={operation.description} />

      {operation.parameters?.length ? (
        <div className="space-y-2">
          <h4 id={`${id}-parameters`} className="text-sm font-semibold">
            Parameters
          </h4>
          {/* On a phone the table scrolls sideways: a keyboard user must be able to focus it to scroll it. */}
          <div
            role="region"
            aria-labelledby={`${id}-parameters`}
            tabIndex={0}
            className="overflow-x-auto rounded focus-visible:outline-2 focus-visible:outline-blue-700"
          >
            <table aria-labelledby={`${id}-parameters`} className="w-full text-left text-sm">
              <thead className="border-b border-slate-200 text-slate-700">
                <tr>
                  <th scope="col" className="py-1 pr-3 font-medium">
                    Name
                  </th>
                  <th scope="col" className="py-1 pr-3 font-medium">
                    In
                  </th>
                  <th scope="col" className="py-1 pr-3 font-medium">
                    Value
                  </th>
                  <th scope="col" className="py-1 font-medium">
                    Description
                  </th>
                </tr>
              </thead>
              <tbody>
                {operation.parameters.map((parameter) => (
                  <tr
                    key={`${parameter.in}-${parameter.name}`}
                    className="border-b border-slate-100 align-top last:border-b-0"
                  >
                    <th scope="row" className="py-2 pr-3 font-normal">
                      <code className="font-mono font-semibold text-slate-900">{parameter.name}</code>
                      {parameter.required ? <span className="block text-xs text-amber-900">required</span> : null}
                    </th>
                    <td className="py-2 pr-3 text-slate-700">{parameter.in}</td>
                    <td className="py-2 pr-3">
                      <SchemaSummary schema={parameter.schema} />
                    </td>
                    <td className="py-2">
                      <Prose text={parameter.description ?? ""} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}

      {operation.requestBody ? (
        <div className="space-y-2">
          <h4 className="text-sm font-semibold">Request body</h4>
          {Object.entries(operation.requestBody.content).map(([mediaType, { schema }]) => (
            <div key={mediaType} className="space-y-1">
              <p className="font-mono text-xs text-slate-700">{mediaType}</p>
              <SchemaView schema={schema} />
            </div>
          ))}
        </div>
      ) : null}

      <div className="space-y-1">
        <h4 className="text-sm font-semibold">Responses</h4>
        <dl className="text-sm">
          {Object.entries(operation.responses).map(([status, response]) => (
            <ResponseItem key={status} status={status} response={response} />
          ))}
        </dl>
      </div>
    </section>
  );
}
