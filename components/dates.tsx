const dateFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
});

/** Calendar dates (an article's publication day) carry no time zone: shown as stored. */
export function FormattedDate({ date }: { date: Date }) {
  return <time dateTime={date.toISOString().slice(0, 10)}>{dateFormat.format(date)}</time>;
}

export function FormattedDateTime({ date }: { date: Date }) {
  return <time dateTime={date.toISOString()}>{dateTimeFormat.format(date)}</time>;
}
