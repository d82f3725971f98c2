// The seam validates the commands it handles; use cases not yet declared through it still call these.
export { authenticatedInput, validInput } from '@labflow/platform/handling';
