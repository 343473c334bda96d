/** The manifest command (Alt+Shift+L) that opens the side panel's quick-add form. */
export const QUICK_ADD_COMMAND = 'quick-add';

/** Session flag the background sets when the command opened the side panel: focus the form on load. */
export const FOCUS_QUICK_ADD_KEY = 'focusQuickAdd';
