import { Fragment, type ReactNode } from "react";
import type { oas31 } from "zod-openapi";
import { InlineText } from "./prose";

type SchemaObject = oas31.SchemaObject;
/** Where JSON Schema allows `true` (anything) and `false` (nothing) as well; no schema at all allows anything too. */
type Schema = SchemaObject | oas31.ReferenceObject | boolean | undefined;

function isReference(schema: Schema): schema is oas31.ReferenceObject {
  return typeof schema === "object" && typeof schema.$ref === "string";
}

const COMPONENT_REF = "#/components/schemas/";

export function schemaAnchor(name: string): string {
  return `schema-${name}`;
}

function Code({ children }: { children: ReactNode }) {
  return <code className="rounded bg-slate-100 px-1 font-mono text-[0.9em] text-slate-900">{children}</code>;
}

function range(min: number | undefined, max: number | undefined, unit = ""): string | null {
  if (min !== undefined && max !== undefined) return `${min}–${max}${unit}`;
  if (min !== undefined) return `at least ${min}${unit}`;
  if (max !== undefined) return `at most ${max}${unit}`;
  return null;
}

function constraintsOf(schema: SchemaObject): ReactNode[] {
  const constraints: ReactNode[] = [];
  const length = range(schema.minLength, schema.maxLength, " characters");
  if (length) constraints.push(length);
  const bounds = range(schema.minimum, schema.maximum);
  if (bounds) constraints.push(bounds);
  if (schema.pattern)
    constraints.push(
      <>
        matching <Code>{schema.pattern}</Code>
      </>,
    );
  if (schema.enum) {
    constraints.push(
      <>
        one of{" "}
        {schema.enum.map((value, index) => (
          <Fragment key={String(value)}>
            {index > 0 ? ", " : null}
            <Code>{JSON.stringify(value)}</Code>
          </Fragment>
        ))}
      </>,
    );
  }
  if (schema.default !== undefined)
    constraints.push(
      <>
        default <Code>{JSON.stringify(schema.default)}</Code>
      </>,
    );
  if (schema.additionalProperties === false) constraints.push("no other fields");
  return constraints;
}

function TypeName({ schema }: { schema: SchemaObject | oas31.ReferenceObject }) {
  if (isReference(schema)) {
    const name = schema.$ref.slice(COMPONENT_REF.length);
    return (
      <a href={`#${schemaAnchor(name)}`} className="font-medium text-blue-800 underline underline-offset-2">
        {name}
      </a>
    );
  }
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) {
    return alternatives.map((alternative, index) => (
      <Fragment key={index}>
        {index > 0 ? " or " : null}
        <SchemaSummary schema={alternative} />
      </Fragment>
    ));
  }
  if (schema.const !== undefined) return <Code>{JSON.stringify(schema.const)}</Code>;
  if (schema.type === "array" && schema.items !== undefined && !Array.isArray(schema.items)) {
    return (
      <>
        array of <SchemaSummary schema={schema.items} />
      </>
    );
  }
  if (typeof schema.additionalProperties === "object") {
    return (
      <>
        object, each name to <SchemaSummary schema={schema.additionalProperties} />
      </>
    );
  }
  const type = Array.isArray(schema.type)
    ? schema.type.join(" or ")
    : (schema.type ?? (schema.properties ? "object" : "any value"));
  return schema.format ? `${type} (${schema.format})` : type;
}

/** One line: the type, then its constraints in brackets, e.g. "string (1–300 characters)". */
export function SchemaSummary({ schema }: { schema: Schema }) {
  if (schema === undefined || typeof schema === "boolean") return schema === false ? "nothing" : "any value";
  const constraints = isReference(schema) ? [] : constraintsOf(schema);
  return (
    <span>
      <TypeName schema={schema} />
      {constraints.length > 0 ? (
        <>
          {" ("}
          {constraints.map((constraint, index) => (
            <Fragment key={index}>
              {index > 0 ? "; " : null}
              {constraint}
            </Fragment>
          ))}
          {")"}
        </>
      ) : null}
    </span>
  );
}

/** The object whose fields a reader needs to see: the schema itself, an array's items, or the non-null side of "X or null". */
function objectWithProperties(schema: Schema): SchemaObject | null {
  if (schema === undefined || typeof schema === "boolean" || isReference(schema)) return null;
  if (schema.properties) return schema;
  if (schema.type === "array" && schema.items !== undefined && !Array.isArray(schema.items))
    return objectWithProperties(schema.items);
  const withProperties = (schema.anyOf ?? schema.oneOf ?? [])
    .map(objectWithProperties)
    .filter((found) => found !== null);
  return withProperties.length === 1 ? withProperties[0]! : null;
}

function PropertyList({ schema }: { schema: SchemaObject }) {
  const required = new Set(schema.required);
  return (
    <ul className="mt-1 space-y-2 border-l-2 border-slate-200 pl-3">
      {Object.entries(schema.properties ?? {}).map(([name, property]) => {
        const nested = objectWithProperties(property);
        const description = typeof property === "object" ? property.description : undefined;
        return (
          <li key={name}>
            <p className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
              <code className="font-mono font-semibold text-slate-900">{name}</code>
              {required.has(name) ? (
                <span className="rounded bg-amber-100 px-1.5 text-xs font-medium text-amber-900">required</span>
              ) : (
                <span className="text-xs text-slate-700">optional</span>
              )}
              <span className="text-slate-800">
                <SchemaSummary schema={property} />
              </span>
            </p>
            {description ? (
              <p className="text-slate-700">
                <InlineText text={description} />
              </p>
            ) : null}
            {nested ? <PropertyList schema={nested} /> : null}
          </li>
        );
      })}
    </ul>
  );
}

/** A JSON Schema for people: its type and constraints, then its fields as a nested list. */
export function SchemaView({ schema }: { schema: Schema }) {
  const object = objectWithProperties(schema);
  const description = typeof schema === "object" ? schema.description : undefined;
  return (
    <div className="space-y-1 text-sm">
      <p className="text-slate-800">
        <SchemaSummary schema={schema} />
      </p>
      {description ? (
        <p className="text-slate-700">
          <InlineText text={description} />
        </p>
      ) : null}
      {object ? <PropertyList schema={object} /> : null}
    </div>
  );
}
