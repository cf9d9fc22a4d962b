import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import polylabel from 'polylabel';
import type { MunicipalityProps } from '../src/domain/units.ts';

type LabelProps = Pick<MunicipalityProps, 'code' | 'nameLv' | 'nameEn' | 'kind'>;

function ringArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (ring[j]![0]! + ring[i]![0]!) * (ring[j]![1]! - ring[i]![1]!);
  return Math.abs(sum) / 2;
}

/**
 * The label point of a (Multi)Polygon: the pole of inaccessibility of its largest part, found in
 * a plane where a degree of longitude is shrunk by cos(latitude) so that "farthest from the edge"
 * means the same distance north–south and east–west.
 */
export function labelPoint(geometry: Polygon | MultiPolygon, precisionDeg = 0.002): Position {
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const largest = parts.reduce((a, b) => (ringArea(b[0]!) > ringArea(a[0]!) ? b : a));
  const lat0 = largest[0]!.reduce((s, p) => s + p[1]!, 0) / largest[0]!.length;
  const k = Math.cos((lat0 * Math.PI) / 180);
  const [x, y] = polylabel(largest.map((ring) => ring.map((p) => [p[0]! * k, p[1]!])), precisionDeg);
  return [Math.round((x! / k) * 1e4) / 1e4, Math.round(y! * 1e4) / 1e4];
}

/** One label point per municipality, so that each name is drawn once (not once per map tile). */
export function municipalityLabels(units: FeatureCollection<Polygon | MultiPolygon, MunicipalityProps>): FeatureCollection<Point, LabelProps> {
  return {
    type: 'FeatureCollection',
    features: units.features.map(
      (f): Feature<Point, LabelProps> => ({
        type: 'Feature',
        properties: { code: f.properties.code, nameLv: f.properties.nameLv, nameEn: f.properties.nameEn, kind: f.properties.kind },
        geometry: { type: 'Point', coordinates: labelPoint(f.geometry) },
      }),
    ),
  };
}
