import type { Reason } from "./signals";

/** How the article page names each reason a span was suggested for (REASONS in signals.ts). */
export const REASON_LABELS: Record<Reason, string> = {
  percentage: "a percentage",
  amount: "an amount",
  number: "a number",
  date: "a date",
  duration: "a duration",
  frequency: "frequency",
  named_entity_with_verb: "a named actor doing or saying something",
  named_entity: "named entity",
  attributed_quote: "an attributed quotation",
  comparison: "a comparison",
  superlative: "a superlative",
  causal: "a cause and effect",
  quantity: "quantity",
  action_verb: "action verb",
};

export function reasonLabel(reason: Reason): string {
  return REASON_LABELS[reason];
}
