import { Amended, decimalOf, no, num, round, rounded, type AddressGroup, type AddressParam } from '../param.ts';

/** Where the map looks: WGS84 centre and zoom, kept to 4 and 2 decimals (about 10 m). */
export interface CameraView {
  lon: number;
  lat: number;
  zoom: number;
}
export interface CameraPart {
  camera?: CameraView;
}
export interface CameraRange {
  minZoom: number;
  maxZoom: number;
  /** [west, south, east, north] in degrees: the centre must lie inside. */
  bounds: readonly [number, number, number, number];
}
export interface CameraContext {
  /** The cameras the map can show (`CAMERA_RANGE`); a link's camera outside it is refused, not silently moved. */
  cameraRange?: CameraRange;
}

/** The map's zoom range and bounds (src/map/mapView.ts uses them), wide enough for a scene framed beside big stage cards. */
export const CAMERA_RANGE: CameraRange = { minZoom: 4, maxZoom: 12, bounds: [4, 50, 46, 64] };
const MAX_LAT = 85.0511;
const kept = ({ lon, lat, zoom }: CameraView): CameraView => ({ lon: round(lon, 4), lat: round(lat, 4), zoom: round(zoom, 2) });

/** `v`: lon,lat,zoom. */
const camera: AddressParam<CameraView> = {
  key: 'v',
  get: (view) => view.camera && kept(view.camera),
  put: (view, value) => void (view.camera = value),
  read: (v, context) => {
    const parts = v.split(',');
    const [lon, lat, zoom] = parts.map(decimalOf) as [number, number, number];
    const ok = parts.length === 3 && Math.abs(lon) <= 180 && Math.abs(lat) <= MAX_LAT && zoom >= 0 && zoom <= 24;
    if (!ok) return no('the view must be lon,lat,zoom', 'skatam jābūt garums,platums,tālummaiņa');
    const r = context.cameraRange;
    if (r && !(zoom >= r.minZoom && zoom <= r.maxZoom && lon >= r.bounds[0] && lon <= r.bounds[2] && lat >= r.bounds[1] && lat <= r.bounds[3])) {
      const [w, so, e, n] = r.bounds;
      return no(
        `outside what the map shows (zoom ${r.minZoom}–${r.maxZoom}, ${w}–${e}° E, ${so}–${n}° N); the map opens on Latvia`,
        `ārpus kartes rādāmā (tālummaiņa ${r.minZoom}–${r.maxZoom}, ${w}–${e}° A, ${so}–${n}° Z); karte atveras ar Latviju`,
      );
    }
    const value = kept({ lon, lat, zoom });
    return value.lon === lon && value.lat === lat && value.zoom === zoom ? value : new Amended(value, [{ value: v, reason: rounded(camera.write(value)) }]);
  },
  write: ({ lon, lat, zoom }) => `${num(lon)},${num(lat)},${num(zoom)}`,
};

/** The camera: it belongs to the map, which adds it to a view and moves to it (src/map/urlBinding.ts). */
export const CAMERA: AddressGroup = {
  params: [camera],
  defaults: {},
  contextOf: () => ({ cameraRange: CAMERA_RANGE }),
  viewOf: () => ({}),
  apply: () => {},
  shapes: ({ number, object }) => ({ camera: object({ lon: number(), lat: number(), zoom: number() }, { strict: true }) }),
};
