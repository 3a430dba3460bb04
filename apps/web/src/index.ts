/** The web app's root component (for embedding and tests). */
export { App } from './app/App';
