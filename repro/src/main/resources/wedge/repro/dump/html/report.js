// Hover details, zoom, and a first view that fits the race: the page reads the same without script.
(function () {
  'use strict';
  var svg = document.getElementById('lanes-svg');
  if (!svg) {
    return;
  }
  var scroll = svg.parentNode;
  var details = document.getElementById('details');
  var zoom = document.getElementById('zoom');
  var baseWidth = Number(svg.getAttribute('data-width'));
  var selected = null;

  function show(ev) {
    var title = ev.querySelector('title');
    details.textContent = title ? title.textContent : '';
  }

  svg.addEventListener('mouseover', function (e) {
    if (e.target.classList.contains('ev')) {
      show(e.target);
    }
  });
  svg.addEventListener('click', function (e) {
    if (e.target.classList.contains('ev')) {
      if (selected) {
        selected.classList.remove('selected');
      }
      selected = e.target;
      selected.classList.add('selected');
      show(selected);
    }
  });

  // The drawing is stretched to the zoom as a whole (preserveAspectRatio none), so the axis' labels are scaled
  // back to their own width, and thinned out where they would overlap.
  var ticks = Array.prototype.slice.call(svg.querySelectorAll('text.tick'));
  var tickGap = ticks.length > 1 ? Number(ticks[1].getAttribute('x')) - Number(ticks[0].getAttribute('x')) : 0;

  function setZoom(factor) {
    svg.setAttribute('width', String(Math.round(baseWidth * factor)));
    var every = tickGap > 0 ? Math.max(1, Math.ceil(80 / (tickGap * factor))) : 1;
    ticks.forEach(function (t, i) {
      var x = Number(t.getAttribute('x'));
      t.setAttribute('transform', 'translate(' + x + ' 0) scale(' + (1 / factor) + ' 1) translate(' + (-x) + ' 0)');
      t.style.display = i % every === 0 ? '' : 'none';
    });
  }

  function center(ev) {
    var mid = Number(ev.getAttribute('x')) + Number(ev.getAttribute('width')) / 2;
    var x = mid * svg.getBoundingClientRect().width / baseWidth;
    scroll.scrollLeft = Math.max(0, x - scroll.clientWidth / 2);
    show(ev);
  }

  // Zooms and scrolls so that the events of the race (the stale read and the write of the lost update behind the
  // fault, the faulting thread's last point) all lie in the view, with a margin of a tenth of the view on each side.
  // Marked events keep their outline's width at any zoom (CSS: non-scaling stroke), so they stay visible even when
  // an event's column is narrower than a pixel.
  function fit(events) {
    var lo = Infinity;
    var hi = -Infinity;
    events.forEach(function (ev) {
      var x = Number(ev.getAttribute('x'));
      lo = Math.min(lo, x);
      hi = Math.max(hi, x + Number(ev.getAttribute('width')));
    });
    var factor = Math.min(Number(zoom.max), 0.8 * scroll.clientWidth / (hi - lo));
    zoom.min = String(Math.min(Number(zoom.min), factor));
    zoom.value = String(factor);
    setZoom(factor);
    scroll.scrollLeft = Math.max(0, lo * factor - 0.1 * scroll.clientWidth);
    show(svg.querySelector('.ev.lost-update.cause') || events[0]);
  }

  zoom.addEventListener('input', function () {
    setZoom(Number(zoom.value));
  });

  var race = Array.prototype.slice.call(svg.querySelectorAll('.ev.cause, .ev.fault-point'));
  var target = svg.querySelector('.ev.lost-update') || svg.querySelector('.ev.race');
  var button = document.getElementById('to-cause');
  var first = race.length ? function () { fit(race); } : target ? function () { center(target); } : null;
  if (first) {
    button.addEventListener('click', first);
    first();
  } else {
    button.disabled = true;
  }
}());
