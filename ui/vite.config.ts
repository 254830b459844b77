/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";

// Set by `tauri dev` when developing against a phone or another machine.
const host = process.env.TAURI_DEV_HOST;

// https://v2.tauri.app/start/frontend/vite/
export default defineConfig({
  // Relative asset URLs: the built files are served by Tauri from ui/dist.
  base: "./",
  plugins: [svelte()],
  // Keep Rust/Tauri output visible in the same terminal.
  clearScreen: false,
  server: {
    port: 1420,
    strictPort: true,
    host: host || false,
    hmr: host ? { protocol: "ws", host, port: 1421 } : undefined,
    watch: {
      ignored: ["**/src-tauri/**", "**/crates/**", "**/target/**"],
    },
  },
  envPrefix: ["VITE_", "TAURI_ENV_"],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // WebKitGTK (Linux) and WKWebView (macOS) are the oldest engines we load in;
    // WebView2 on Windows is Chromium-based and handles the same output.
    target: ["es2021", "safari13"],
    sourcemap: Boolean(process.env.TAURI_ENV_DEBUG),
    minify: process.env.TAURI_ENV_DEBUG ? false : "oxc",
  },
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
  },
});
