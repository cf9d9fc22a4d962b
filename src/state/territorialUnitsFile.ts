import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { CommutingData, CommutingLevel } from '../domain/hinterland/commuting.ts';
import type { FuaData } from '../domain/hinterland/fua.ts';
import { territorialUnitsProblem, type TerritorialUnits } from '../domain/hinterland/territorial.ts';
import { COMMUTING, TERRITORIAL_UNITS } from '../domain/dataset.ts';

// Fetched and checked apart from dataset.ts, so the first view carries none of this code.

async function fetchJson(baseUrl: string, file: string, fetcher: typeof fetch): Promise<unknown> {
  const res = await fetcher(new URL(`data/${file}`, baseUrl).href);
  return res.ok ? res.json() : undefined;
}

/**
 * The territorial units, fetched and decoded; undefined when the file cannot be read or is not
 * usable (said on the console): the map then works by municipality, as without them.
 */
export async function loadTerritorialUnits(baseUrl: string, fetcher: typeof fetch = fetch): Promise<TerritorialUnits | undefined> {
  try {
    const topology = (await fetchJson(baseUrl, TERRITORIAL_UNITS, fetcher)) as Topology<Record<string, GeometryCollection>> | undefined;
    const units = topology?.type === 'Topology' && topology.objects?.units ? feature(topology, topology.objects.units) : undefined;
    const problem = units === undefined ? 'could not be loaded' : territorialUnitsProblem(units);
    if (problem === null) return units as TerritorialUnits;
    console.warn(`${TERRITORIAL_UNITS}: ${problem}; by municipality only`);
  } catch {
    // Unreadable units: by municipality only, as without them.
  }
  return undefined;
}


/**
 * Eurostat's functional urban areas on the territorial units and the gravity fit (`fua.json`), or
 * undefined when the file is missing or not in that shape: the FUA definition then says so.
 */
export async function loadFua(baseUrl: string, fetcher: typeof fetch = fetch): Promise<FuaData | undefined> {
  try {
    const data = (await fetchJson(baseUrl, 'fua.json', fetcher)) as Partial<FuaData> | undefined;
    const ok = data && Array.isArray(data.fuas) && data.membership && typeof data.membership === 'object' && data.gravityFit && Array.isArray(data.gravityFit.points);
    if (ok) return data as FuaData;
    console.warn('fua.json: not the functional urban areas file; that definition is unavailable');
  } catch {
    // The FUA definition says it is unavailable.
  }
  return undefined;
}

const isLevel = (x: unknown): x is CommutingLevel => {
  const l = x as Partial<CommutingLevel> | undefined;
  return !!l && typeof l.totals === 'object' && l.totals !== null && typeof l.cityWork === 'object' && l.cityWork !== null && Array.isArray(l.flows) && l.flows.every((f) => Array.isArray(f) && f.length === 3 && typeof f[0] === 'string' && typeof f[1] === 'string' && Number.isFinite(f[2]));
};

/**
 * CSP's commuting flows (`commuting.json`, written by the pipeline after `npm run data:update`), or
 * undefined when the file is missing or not in that shape: the commuting definition then says so.
 */
export async function loadCommuting(baseUrl: string, fetcher: typeof fetch = fetch): Promise<CommutingData | undefined> {
  try {
    const data = (await fetchJson(baseUrl, COMMUTING, fetcher)) as Partial<CommutingData> | undefined;
    const ok = data && typeof data.year === 'string' && data.source && (data.municipality === undefined || isLevel(data.municipality)) && (data.territorial === undefined || isLevel(data.territorial)) && (data.municipality || data.territorial);
    if (ok) return data as CommutingData;
    console.warn(`${COMMUTING}: not the commuting flows file; that definition is unavailable`);
  } catch {
    // The commuting definition says it is unavailable.
  }
  return undefined;
}
