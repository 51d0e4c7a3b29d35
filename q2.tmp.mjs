import Database from 'better-sqlite3';
const db = new Database(process.argv[2], { readonly: true });
const planIds = db.prepare('SELECT id FROM plans').pluck().all();
const plans = JSON.stringify(planIds);
const t = (label, fn) => { const s = performance.now(); const r = fn(); console.log(label, (performance.now()-s).toFixed(1), 'ms', Array.isArray(r) ? r.length : r); return r; };
const P = {plans, from:'2000-01-01', to:'2100-01-01'};
for (let k=0;k<3;k++){
t('records-scan', () => db.prepare(`SELECT i.id, i.plan_id, i.unit_id, i.inspection_date, i.finalised_at, i.status, i.minutes_number, i.checklist_version_id FROM inspections AS i NOT INDEXED WHERE i.deleted_at IS NULL AND i.kind='regular' AND i.status IN ('finalised','remedied') AND i.inspection_date BETWEEN @from AND @to AND i.plan_id IN (SELECT value FROM json_each(@plans))`).raw().all(P));
t('records-scan+units', () => db.prepare(`SELECT i.id, i.plan_id, i.unit_id, i.inspection_date, i.finalised_at, i.status, i.minutes_number, i.checklist_version_id, u.name, u.sort_key FROM inspections AS i NOT INDEXED JOIN units u ON u.id = i.unit_id WHERE i.deleted_at IS NULL AND i.kind='regular' AND i.status IN ('finalised','remedied') AND i.inspection_date BETWEEN @from AND @to AND i.plan_id IN (SELECT value FROM json_each(@plans))`).raw().all(P));
t('scope', () => db.prepare(`SELECT pu.plan_id, pu.unit_id, u.kind, u.school_level FROM plan_units pu JOIN units u ON u.id = pu.unit_id WHERE pu.deleted_at IS NULL AND pu.plan_id IN (SELECT value FROM json_each(@plans))`).raw().all(P));
t('scope-grouped', () => db.prepare(`SELECT pu.plan_id, u.kind, u.school_level, count(DISTINCT pu.unit_id) FROM plan_units pu JOIN units u ON u.id = pu.unit_id WHERE pu.deleted_at IS NULL AND pu.plan_id IN (SELECT value FROM json_each(@plans)) GROUP BY 1,2,3`).raw().all(P));
t('findings-fullscan', () => db.prepare(`SELECT inspection_id, criterion_id, result FROM inspection_results WHERE result IN ('fail','na')`).raw().all());
t('requests', () => db.prepare(`SELECT r.inspection_id, r.text, r.due_date, r.remedied_date FROM inspection_requests r NOT INDEXED WHERE r.deleted_at IS NULL`).raw().all());
t('texts', () => db.prepare(`SELECT id, limitations, causes FROM inspections NOT INDEXED WHERE deleted_at IS NULL AND status IN ('finalised','remedied') AND (limitations <> '' OR causes <> '')`).raw().all());
}
