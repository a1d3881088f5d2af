import { readFileSync } from 'node:fs';
import { normalizeText } from '../../../domain/directory-search.ts';
import type { Executor } from '../../db/database.ts';
import * as repo from './directory.repository.ts';

// Missouri places a visitor may search near: a ZIP code, a city or town, or a county by name.
// ZIP codes with their place name, county and coordinates come from data/missouri-zip-codes.csv
// (GeoNames postal codes, CC BY 4.0); counties and their internal points from the mo_counties
// reference table (data/missouri-counties.csv). Both are reference data read once per process.

const ZIP_CSV = new URL('../../../data/missouri-zip-codes.csv', import.meta.url);

export type Place = {
  /** How the place is shown: "Springfield", "65806 (Springfield)", "Greene County". */
  name: string;
  /** The counties it lies in, the one with most of it first. */
  counties: string[];
  lat: number;
  lon: number;
};

export type Places = {
  find(text: string): Place | null;
  /** Miles between a point and each county's internal point. */
  milesTo(lat: number, lon: number): Map<string, number>;
};

let loaded: Promise<Places> | undefined;

/** Abbreviations people write for the words of Missouri place names. */
const SPELLED_OUT: Record<string, string> = { st: 'saint', ste: 'sainte', ft: 'fort', mt: 'mount' };
export const placeKey = (text: string) =>
  normalizeText(text)
    .split(' ')
    .map((w) => SPELLED_OUT[w] ?? w)
    .join(' ');

function miles(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 3958.8 * 2 * Math.asin(Math.sqrt(a));
}

async function load(db: Executor): Promise<Places> {
  const counties = await repo.listCounties(db);
  const zips = new Map<string, Place>();
  const towns = new Map<
    string,
    { name: string; fips: Map<string, number>; lat: number; lon: number; n: number }
  >();
  const lines = readFileSync(ZIP_CSV, 'utf8').trim().split('\n').slice(1);
  for (const line of lines) {
    const [zip, name, fips, lat, lon] = line.split(',') as [string, string, string, string, string];
    zips.set(zip, { name: `${zip} (${name})`, counties: [fips], lat: Number(lat), lon: Number(lon) });
    const key = placeKey(name);
    const town = towns.get(key) ?? { name, fips: new Map(), lat: 0, lon: 0, n: 0 };
    town.fips.set(fips, (town.fips.get(fips) ?? 0) + 1);
    town.lat += Number(lat);
    town.lon += Number(lon);
    town.n++;
    towns.set(key, town);
  }
  const byName = new Map<string, Place>();
  for (const c of counties) {
    const place = {
      name: c.fips === '29510' ? c.name : `${c.name} County`,
      counties: [c.fips],
      lat: c.lat,
      lon: c.lon,
    };
    byName.set(`${placeKey(c.name)} county`, place);
  }
  for (const [key, t] of towns)
    byName.set(key, {
      name: t.name,
      counties: [...t.fips].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([f]) => f),
      lat: t.lat / t.n,
      lon: t.lon / t.n,
    });
  // A county's bare name finds it too, unless a town has that name.
  for (const c of counties) {
    const key = placeKey(c.name);
    if (!byName.has(key)) byName.set(key, byName.get(`${key} county`)!);
  }
  return {
    find(text) {
      const t = text.trim();
      if (/^\d{5}(-\d{4})?$/.test(t)) return zips.get(t.slice(0, 5)) ?? null;
      return (
        byName.get(placeKey(t)) ?? byName.get(placeKey(t.replace(/,?\s*(missouri|mo)\.?$/i, ''))) ?? null
      );
    },
    milesTo(lat, lon) {
      return new Map(counties.map((c) => [c.fips, miles(lat, lon, c.lat, c.lon)]));
    },
  };
}

/** The places of Missouri, read once per process. */
export function missouriPlaces(db: Executor): Promise<Places> {
  loaded ??= load(db).catch((error) => {
    loaded = undefined;
    throw error;
  });
  return loaded;
}
