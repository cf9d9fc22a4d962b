// Installed in every benchmarked page before its own scripts (playwright addInitScript). Plain
// browser JavaScript, the same for the app and both reference pages, so that every page is timed
// by the same code. All times are performance.now(): milliseconds since navigation start.
(() => {
  const now = () => performance.now();
  const B = (window.__bench = { marks: {}, longTasks: [], elements: [], kind: null, map: null });

  /** Resolves after the browser has finished the current frame (style, layout, paint, commit). */
  const afterFrame = () =>
    new Promise((resolve) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve(now());
      ch.port2.postMessage(0);
    });
  /** The end of the next frame. */
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => afterFrame().then(resolve)));
  const withTimeout = (promise, ms, fallback) => Promise.race([promise, new Promise((r) => setTimeout(() => r(fallback), ms))]);

  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) B.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  // A placeholder image of the first view (if the app ever shows one) counts as its first paint
  // when it carries elementtiming="map-placeholder".
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) B.elements.push({ id: e.identifier, time: e.renderTime || e.loadTime });
    }).observe({ type: 'element', buffered: true });
  } catch {}

  // MapLibre pages (the app and the floor) publish window.stateCities = { map }: the map is caught
  // the moment it is set, before its first frame, so 'load' and 'idle' cannot be missed.
  const onMap = (map) => {
    if (B.map) return;
    B.map = map;
    B.kind = 'maplibre';
    B.marks.mapCreated = now();
    // 'load' fires in the first frame drawn with every source loaded: the first meaningful paint.
    map.once('load', () => {
      B.marks.paintFrame = now();
      afterFrame().then((t) => (B.marks.paint = t));
    });
    // The first frame drawn with the choropleth's own source complete (labels may still be
    // waiting for their fonts): 'municipalities' in the app, 'units' on the floor page.
    const onRender = () => {
      const id = ['municipalities', 'units'].find((s) => map.getSource(s));
      if (!id || !map.isSourceLoaded(id)) return;
      map.off('render', onRender);
      B.marks.choroplethFrame = now();
      afterFrame().then((t) => (B.marks.choropleth = t));
    };
    map.on('render', onRender);
    // What the load drew: MapLibre frames until the first idle, and the shader programs MapLibre
    // had compiled by then (each costs its first draw; read from a private field, so null if a
    // MapLibre version moves it).
    let frames = 0;
    const countFrame = () => frames++;
    map.on('render', countFrame);
    map.once('idle', () => {
      B.marks.idleFrame = now();
      map.off('render', countFrame);
      const programs = map.painter && map.painter.programCache && map.painter.programCache.programs;
      B.load = { frames, programs: programs ? Object.keys(programs).length : null };
      afterFrame().then((t) => (B.marks.idle = t));
    });
  };
  let stateCities;
  Object.defineProperty(window, 'stateCities', {
    configurable: true,
    enumerable: true,
    get: () => stateCities,
    set: (value) => {
      stateCities = value;
      if (!value || typeof value !== 'object') return;
      let map = value.map;
      Object.defineProperty(value, 'map', {
        configurable: true,
        enumerable: true,
        get: () => map,
        set: (m) => {
          map = m;
          if (m) onMap(m);
        },
      });
      if (map) onMap(map);
    },
  });
  // Leaflet draws synchronously; its page says when, and the frame after is its paint and idle.
  window.addEventListener('bench:drawn', () => {
    B.kind = 'leaflet';
    B.marks.mapCreated = now();
    requestAnimationFrame(() => {
      B.marks.paintFrame = now();
      afterFrame().then((t) => {
        B.marks.choropleth = t;
        B.marks.paint = t;
        B.marks.idle = t;
      });
    });
  });

  /** Screen position of a longitude/latitude on whichever map the page has. */
  B.project = (lonLat) => {
    if (window.benchPage) return window.benchPage.project(lonLat);
    const map = B.map;
    const p = map.project(lonLat);
    const r = map.getCanvas().getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  };
  /** Whether a page point lands on the map itself (not on a card, header or control above it). */
  B.onMap = ({ x, y }) => {
    const el = document.elementFromPoint(x, y);
    if (!el) return false;
    if (B.kind === 'maplibre') return el === B.map.getCanvas();
    return el instanceof SVGElement && el.tagName === 'path';
  };

  /**
   * Waits for the map to settle after a change made by `trigger`. For MapLibre: the first frame
   * drawn after the change with every source loaded again (a data-driven paint change reloads the
   * source's tiles; until they come back, frames show the old colours), then 'idle'. For Leaflet
   * (synchronous SVG): the end of the next frame is both.
   */
  B.timeChange = async (trigger) => {
    if (B.kind === 'maplibre') {
      const map = B.map;
      let tiles = 0;
      const onData = (e) => {
        if (e.tile) tiles++;
      };
      map.on('sourcedata', onData);
      let firstRender = null;
      let cancelFrame = () => {};
      const frame = new Promise((resolve) => {
        const onRender = () => {
          firstRender ??= now();
          if (tiles > 0 && map.loaded()) {
            map.off('render', onRender);
            const t = now();
            afterFrame().then((end) => resolve({ frame: t, frameEnd: end, reloaded: true }));
          }
        };
        map.on('render', onRender);
        cancelFrame = () => map.off('render', onRender);
      });
      const idle = new Promise((resolve) => map.once('idle', () => afterFrame().then(resolve)));
      const t0 = now();
      trigger();
      const sync = now();
      const idleAt = await withTimeout(idle, 10000, null);
      map.off('sourcedata', onData);
      // A change that reloads nothing (no data-driven paint) shows in the first frame drawn.
      const f = await withTimeout(frame, 50, null);
      if (!f) cancelFrame();
      return {
        t0,
        sync: sync - t0,
        frame: (f ? f.frameEnd : (firstRender ?? idleAt)) - t0,
        idle: idleAt === null ? null : idleAt - t0,
        reloaded: !!f,
      };
    }
    const t0 = now();
    trigger();
    const sync = now();
    const end = await nextFrame();
    return { t0, sync: sync - t0, frame: end - t0, idle: end - t0, reloaded: false };
  };

  /**
   * Times a change until its first complete frame and its idle (MapLibre pages): the complete
   * frame is the first frame drawn after the change with the camera still and every source loaded
   * (a flight's last frame, or the first frame with the reloaded tiles in); with `source`, only
   * once that source has taken new data (its worker sent `metadata`: e.g. the parishes, fetched on
   * the way). Idle: the first `idle` from that frame on. `frames`: every frame drawn until then.
   * Started by `trigger`, or, when `trigger` is null, by the next key pressed (its event's time).
   */
  const completeAfter = (trigger, opts = {}) => {
    const map = B.map;
    return withTimeout(
      new Promise((resolve) => {
        let t0 = null;
        let sourceIn = !opts.source;
        let frameAt = null;
        let frameEnd = null;
        let frames = 0;
        let sync = 0;
        const onData = (e) => {
          if (t0 !== null && e.sourceId === opts.source && e.sourceDataType === 'metadata') sourceIn = true;
        };
        const onRender = () => {
          if (t0 === null) return;
          frames++;
          if (frameAt !== null || !sourceIn || map.isMoving() || !map.loaded()) return;
          frameAt = now();
          frameEnd = afterFrame();
        };
        const onIdle = () => {
          if (t0 === null || frameAt === null) return;
          map.off('render', onRender);
          map.off('idle', onIdle);
          map.off('sourcedata', onData);
          Promise.all([frameEnd, afterFrame()]).then(([end, idle]) => resolve({ t0, sync, frame: end - t0, idle: idle - t0, frames }));
        };
        map.on('sourcedata', onData);
        map.on('render', onRender);
        map.on('idle', onIdle);
        if (trigger) {
          t0 = now();
          trigger();
          sync = now() - t0;
          // A change that draws nothing new still gets its frame.
          map.triggerRepaint();
        } else {
          // Listened to after the app's own key handler (same target and phase): `sync` includes it.
          window.addEventListener('keydown', (ev) => {
            t0 = ev.timeStamp;
            sync = now() - t0;
          }, { once: true, capture: true });
        }
      }),
      opts.timeout ?? 30000,
      null,
    );
  };
  B.timeComplete = (trigger, opts) => completeAfter(trigger, opts);
  /**
   * Arms an export measurement: from the next click (its event's time) to the first PNG handed to
   * `URL.createObjectURL`, which is what the app's download does with the finished picture.
   */
  const createObjectURL = URL.createObjectURL.bind(URL);
  B.armDownload = () => {
    const d = (B.download = { click: null, url: null, bytes: null });
    window.addEventListener('click', (ev) => (d.click = ev.timeStamp), { once: true, capture: true });
    URL.createObjectURL = (obj) => {
      if (d.url === null && obj instanceof Blob && obj.type === 'image/png') {
        d.url = now();
        d.bytes = obj.size;
      }
      return createObjectURL(obj);
    };
  };
  /** Arms `completeAfter` for the next key press; the result is then in `window.__bench.step`. */
  B.armStep = (opts) => {
    B.step = completeAfter(null, opts);
  };

  /** The app: switch the indicator the way its picker does (a change event on the select). */
  const appSelect = () => [...document.querySelectorAll('select')].find((s) => [...s.options].some((o) => o.value === 'median_age'));
  B.indicatorIds = () => {
    if (window.benchPage) return [...Array(window.benchPage.indicatorCount).keys()].map(String);
    const s = window.stateCities.store.getState();
    const level = (i) => i.level ?? 'municipality';
    return s.dataset.indicators.indicators.filter((i) => level(i) === 'municipality' && !i.id.startsWith('user')).map((i) => i.id);
  };
  B.switchIndicator = (id) =>
    B.timeChange(() => {
      if (window.benchPage) return window.benchPage.setIndicator(Number(id));
      const select = appSelect();
      select.value = id;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });

  /** Arms a hover measurement: from the next mouse move's input time to the end of the frame showing it. */
  B.armHover = () => {
    B.hover = withTimeout(
      new Promise((resolve) => {
        window.addEventListener(
          'mousemove',
          (ev) => {
            const input = ev.timeStamp;
            const outline = document.querySelector('svg.hover-outline');
            if (outline) {
              // The app outlines a unit in SVG over the map: the end of the frame that paints it.
              const mo = new MutationObserver(() => {
                mo.disconnect();
                nextFrame().then((end) => resolve(end - input));
              });
              mo.observe(outline, { subtree: true, attributes: true });
            } else if (B.kind === 'maplibre') B.map.once('render', () => afterFrame().then((end) => resolve(end - input)));
            else nextFrame().then((end) => resolve(end - input));
          },
          { once: true, capture: true },
        );
      }),
      5000,
      null,
    );
  };

  /** Arms a click measurement: resolves when `selector` is in the page and painted. */
  B.armPanel = (selector) => {
    B.panel = withTimeout(
      new Promise((resolve) => {
        let input = null;
        window.addEventListener('click', (ev) => (input = ev.timeStamp), { once: true, capture: true });
        const done = () => nextFrame().then((end) => resolve({ end, fromClick: input === null ? null : end - input }));
        const visible = () => {
          const el = document.querySelector(selector);
          return el && !el.hidden && el.getClientRects().length > 0;
        };
        const mo = new MutationObserver(() => {
          if (visible()) {
            mo.disconnect();
            done();
          }
        });
        mo.observe(document.body, { childList: true, subtree: true, attributes: true });
      }),
      10000,
      null,
    );
  };

  /** Waits until the map is idle (nothing loading, moving or pending). */
  B.settle = () =>
    B.kind === 'maplibre'
      ? new Promise((resolve) => {
          const map = B.map;
          const check = () => (map.loaded() && !map.isMoving() ? resolve() : map.once('idle', check));
          check();
        }).then(nextFrame)
      : nextFrame();
})();
