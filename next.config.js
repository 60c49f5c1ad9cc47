/** @type {import('next').NextConfig} */
const nextConfig = {
  // The test run builds into its own folder so it never clobbers a running `npm run dev`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ["pg", "@prisma/adapter-pg"],
  typescript: { tsconfigPath: "tsconfig.json" },
  // forbidden(): pages a role may not open answer 403 with app/forbidden.tsx.
  experimental: { authInterrupts: true },
};

export default nextConfig;
