export function BlockSkeleton({ label, lines = 3 }: { label: string; lines?: number }) {
  return (
    <div
      role="status"
      aria-label={label}
      className="animate-pulse space-y-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      {Array.from({ length: lines }, (_, index) => (
        <div key={index} className="h-4 rounded bg-slate-200" style={{ width: `${90 - index * 12}%` }} />
      ))}
      <span className="sr-only">{label}</span>
    </div>
  );
}
