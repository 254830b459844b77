import { mount } from "svelte";
import "./app.css";
import App from "./App.svelte";
import { applyStoredLocale } from "./lib/i18n.svelte";

// Draw the first frame in the language chosen last time, before Rust answers.
applyStoredLocale();

const target = document.getElementById("app");
if (!target) throw new Error("#app element missing from index.html");

export default mount(App, { target });
