import { DB_NAME, incidentStore, openIncidentsDb } from '../../utils/incidents/db';

/**
 * The report page's one store: the log's unlocked key lives in this object's memory (this page only, never in
 * storage), so every part of the page must share it.
 */
export const store = incidentStore(openIncidentsDb(DB_NAME));
