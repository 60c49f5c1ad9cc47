export default function FactCheckNotFound() {
  return (
    <div className="mx-auto max-w-xl space-y-3 rounded-lg border border-slate-200 bg-white p-6">
      <h1 className="text-xl font-semibold">Fact-check not found</h1>
      <p className="text-sm text-slate-800">
        No published fact-check has this number. Fact-checks appear here once their verdict is verified.
      </p>
    </div>
  );
}
