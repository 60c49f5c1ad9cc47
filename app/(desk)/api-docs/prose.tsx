import { Fragment } from "react";

/** Text with `code` spans, as the document's descriptions write it. */
export function InlineText({ text }: { text: string }) {
  return text.split("`").map((part, index) =>
    index % 2 === 1 ? (
      <code key={index} className="rounded bg-slate-100 px-1 font-mono text-[0.9em] text-slate-900">
        {part}
      </code>
    ) : (
      <Fragment key={index}>{part}</Fragment>
    ),
  );
}

/** The document's descriptions: paragraphs separated by a blank line, lists as lines starting with "- ". */
export function Prose({ text }: { text: string }) {
  return (
    <div className="space-y-2 text-sm leading-relaxed text-slate-800">
      {text.split("\n\n").map((block, index) => {
        const lines = block.split("\n");
        return lines.every((line) => line.startsWith("- ")) ? (
          <ul key={index} className="list-disc space-y-1 pl-5">
            {lines.map((line) => (
              <li key={line}>
                <InlineText text={line.slice(2)} />
              </li>
            ))}
          </ul>
        ) : (
          <p key={index}>
            <InlineText text={block} />
          </p>
        );
      })}
    </div>
  );
}
