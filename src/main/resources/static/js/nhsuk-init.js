// Starts the NHS.UK frontend's components on every page.
import { initAll } from '/nhsuk-frontend.min.js';

initAll();
