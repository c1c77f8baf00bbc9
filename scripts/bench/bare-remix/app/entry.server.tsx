// The app's own server entry (streaming render, isbot), so that B-remix differs from the app only
// in the routes.
export { default } from '../../../../app/entry.server';
