import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// The page is served by Tauri from its own protocol in production and from this dev server during
// `tauri dev`, which expects the fixed port below.
export default defineConfig({
  plugins: [react()],
  clearScreen: false,
  server: {
    port: 1420,
    strictPort: true,
    host: "localhost",
  },
  envPrefix: ["VITE_", "TAURI_ENV_"],
  build: {
    // Tauri 2 webviews: WebView2 (Chromium) on Windows, WebKit on macOS and Linux.
    target: ["es2022", "chrome105", "safari16"],
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
  },
  test: {
    environment: "happy-dom",
    setupFiles: ["./src/test/setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
    restoreMocks: true,
  },
});
