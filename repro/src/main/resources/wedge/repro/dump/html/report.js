// Hover details, zoom and a jump to the lost update behind the fault. The page reads the same without script.
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

  function setZoom(factor) {
    svg.setAttribute('width', String(Math.round(baseWidth * factor)));
  }

  function center(ev) {
    var mid = Number(ev.getAttribute('x')) + Number(ev.getAttribute('width')) / 2;
    var x = mid * svg.getBoundingClientRect().width / baseWidth;
    scroll.scrollLeft = Math.max(0, x - scroll.clientWidth / 2);
    show(ev);
  }

  zoom.addEventListener('input', function () {
    setZoom(Number(zoom.value));
  });

  var target = svg.querySelector('.race-window') || svg.querySelector('.ev.lost-update') ||
      svg.querySelector('.ev.race');
  var button = document.getElementById('to-cause');
  if (target) {
    button.addEventListener('click', function () {
      center(target);
    });
    center(target);
  } else {
    button.disabled = true;
  }
}());
