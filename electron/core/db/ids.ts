/**
 * UUID version 7 (RFC 9562): a millisecond timestamp then random bits. Unique across offices
 * without coordination (what the transfer between offices needs), and roughly ordered by
 * creation, which keeps SQLite's primary-key index compact as 200,000 inspections arrive.
 * One implementation for the core and the renderer (which makes ids for rows it adds).
 */
export { newRowId as uuidv7 } from '../../../shared/domain/row-id';
