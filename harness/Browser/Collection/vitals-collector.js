// Injected before any page script (Playwright AddInitScript). Buffered observers record raw
// entries; the harness computes the web vitals from them (WebVitalsCalculator), following the
// web-vitals library's rules.
(() => {
  const store = { paints: [], lcp: [], shifts: [], events: [], longTasks: [], frames: [], errors: [] };
  Object.defineProperty(window, '__perfVitals', { value: store });
  const observe = (type, record, extra) => {
    try {
      new PerformanceObserver(list => list.getEntries().forEach(e => record(e)))
        .observe(Object.assign({ type, buffered: true }, extra || {}));
    } catch (e) {
      store.errors.push(type + ': ' + e);
    }
  };
  const describe = node => node ? node.tagName.toLowerCase() + (node.id ? '#' + node.id : '') : '';
  observe('paint', e => store.paints.push({ name: e.name, startTime: e.startTime }));
  observe('largest-contentful-paint', e => store.lcp.push({ startTime: e.startTime, size: e.size, element: describe(e.element) }));
  observe('layout-shift', e => store.shifts.push({ value: e.value, startTime: e.startTime, hadRecentInput: e.hadRecentInput }));
  // 16 ms is the smallest threshold Event Timing allows; first-input is reported whatever its duration.
  const event = e => { if (e.interactionId) store.events.push({ interactionId: e.interactionId, name: e.name, startTime: e.startTime, duration: e.duration }); };
  observe('event', event, { durationThreshold: 16 });
  observe('first-input', event);
  observe('longtask', e => store.longTasks.push({ startTime: e.startTime, duration: e.duration }));
  // Long animation frames name the scripts behind a long task (Long Tasks' own attribution names only the frame).
  const script = s => ({ sourceUrl: s.sourceURL || '', invoker: s.invoker || '', duration: s.duration });
  observe('long-animation-frame', e => store.frames.push({
    startTime: e.startTime, duration: e.duration,
    scripts: Array.from(e.scripts || []).sort((a, b) => b.duration - a.duration).slice(0, 3).map(script),
  }));
})();
