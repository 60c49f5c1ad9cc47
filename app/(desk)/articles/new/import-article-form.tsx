"use client";

import { useActionState } from "react";
import { Field, FieldError, FormAlert, IDLE_STATE, LABEL, SubmitButton } from "@/components/forms";
import { importArticleFromForm } from "@/domains/articles/actions";
import {
  ARTICLE_LANGUAGES,
  LANGUAGE_LABELS,
  MAX_ARTICLE_TITLE_LENGTH,
  MAX_BODY_LENGTH,
  MAX_UPLOAD_BYTES,
  UPLOAD_EXTENSIONS,
} from "@/domains/articles/limits";

const FORMAT_OPTIONS = [
  { value: "text", label: "Plain text", hint: "kept as typed; separate paragraphs with a blank line" },
  { value: "html", label: "HTML", hint: "reduced to the article's readable text" },
] as const;

const count = (value: number) => value.toLocaleString("en");

export function ImportArticleForm() {
  const [state, action] = useActionState(importArticleFromForm, IDLE_STATE);
  const values = state.status === "error" ? state.values : undefined;
  const formatErrorId = "article-format-error";
  const format = values?.format ?? "text";
  return (
    // Rebuilt after every refusal with what was typed (a chosen file cannot be put back: it is chosen again).
    <form key={state.status === "idle" ? "new" : state.at} action={action} className="space-y-5" noValidate>
      <FormAlert state={state} />
      <Field id="article-title" name="title" label="Title" state={state}>
        {(control) => (
          <input {...control} type="text" required maxLength={MAX_ARTICLE_TITLE_LENGTH} defaultValue={values?.title} />
        )}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id="article-url"
          name="url"
          label="Original URL"
          state={state}
          hint="Optional: the article's address, http:// or https://."
        >
          {(control) => <input {...control} type="url" inputMode="url" defaultValue={values?.url} />}
        </Field>
        <Field id="article-publisher" name="publisher" label="Publisher" state={state} hint="Optional.">
          {(control) => <input {...control} type="text" defaultValue={values?.publisher} />}
        </Field>
        <Field id="article-author" name="author" label="Author" state={state} hint="Optional.">
          {(control) => <input {...control} type="text" defaultValue={values?.author} />}
        </Field>
        <Field
          id="article-published-at"
          name="publishedAt"
          label="Published on"
          state={state}
          hint="Optional: without a date, today's is stored."
        >
          {(control) => <input {...control} type="date" defaultValue={values?.publishedAt} />}
        </Field>
        <Field id="article-language" name="language" label="Language" state={state}>
          {(control) => (
            <select {...control} defaultValue={values?.language ?? "en"}>
              {ARTICLE_LANGUAGES.map((language) => (
                <option key={language} value={language}>
                  {LANGUAGE_LABELS[language]} ({language})
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <fieldset className="space-y-4 rounded-md border border-slate-200 p-4">
        <legend className="px-1 text-sm font-semibold text-slate-900">Text: paste it or upload a file</legend>
        <fieldset aria-describedby={formatErrorId}>
          <legend className={LABEL}>The pasted text is</legend>
          <div className="mt-1 flex flex-wrap gap-x-6 gap-y-1">
            {FORMAT_OPTIONS.map((option) => (
              <label key={option.value} className="flex items-center gap-2 text-sm text-slate-800">
                <input type="radio" name="format" value={option.value} defaultChecked={format === option.value} />
                <span>
                  {option.label} <span className="text-slate-600">({option.hint})</span>
                </span>
              </label>
            ))}
          </div>
          <FieldError id={formatErrorId} state={state} name="format" />
        </fieldset>
        <Field
          id="article-text"
          name="text"
          label="Article text"
          state={state}
          hint={`At most ${count(MAX_BODY_LENGTH)} characters of text once HTML is reduced.`}
        >
          {(control) => (
            <textarea {...control} rows={14} className={`${control.className} font-mono`} defaultValue={values?.text} />
          )}
        </Field>
        <Field
          id="article-file"
          name="file"
          label="Or upload a file"
          state={state}
          hint={`${UPLOAD_EXTENSIONS.join(", ")} (Markdown is kept as plain text), at most ${count(MAX_UPLOAD_BYTES / 1_000_000)} MB, UTF-8.`}
        >
          {(control) => (
            <input
              {...control}
              type="file"
              accept={[...UPLOAD_EXTENSIONS, "text/plain", "text/markdown", "text/html"].join(",")}
            />
          )}
        </Field>
      </fieldset>
      <SubmitButton>Add article</SubmitButton>
    </form>
  );
}
