/** The revision screens: the next revision (co-facilitators) and a published revision (everyone). */
export { NextRevisionScreen } from './NextRevisionScreen';
export { RevisionScreen } from './RevisionScreen';
