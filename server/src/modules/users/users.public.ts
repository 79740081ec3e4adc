/* The users module's public face: the portal users' messages, which the portal's login check shares. */
export { usersMessages } from './users.messages.js';
