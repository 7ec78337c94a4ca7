export { registerUiHost, UI_CONTENT_SECURITY_POLICY, type UiHostOptions } from './ui-host.routes.js';
export { buildUiIfMissing, uiBuildState, type UiBuildState } from './ui-build.js';
export { isBuilt, packageRoot, uiDirectory } from './ui-location.js';
