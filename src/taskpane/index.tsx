/** Task pane entry (boot.tsx): waits for Office, loads the remembered catalogue, renders the App with the Excel actions. */
import { boot } from "./boot";

const container = document.getElementById("container");
if (container) void boot(container);
