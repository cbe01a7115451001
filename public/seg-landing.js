/*
 * The segment a river sign's QR code names (?seg=<id>): show its block at
 * the top of the water page (SegmentLanding.astro), and its chief's phone
 * in the bar of actions. A classic script right after the blocks, not a
 * module: it runs before the rest of the page is parsed and painted, so
 * the block appears in the first paint instead of pushing the page down
 * after it (a layout shift). Hand-written ES5-level code; it is served
 * as is from public/.
 */
(function () {
  var id = new URLSearchParams(location.search).get('seg');
  if (!id) return;
  var blocks = document.querySelectorAll('seg-landing .landing');
  var block = null;
  for (var i = 0; i < blocks.length; i++) if (blocks[i].getAttribute('data-seg') === id) block = blocks[i];
  if (!block) return;
  block.hidden = false;
  document.title = block.getAttribute('data-name') + ' - ' + document.title;
  document.addEventListener('DOMContentLoaded', function () {
    var bar = document.getElementById('segment-bar');
    if (!bar) return;
    var tel = block.querySelector('a[href^="tel:"]');
    var call = bar.querySelector('[data-call]');
    if (tel && call) call.href = tel.href;
    bar.hidden = false;
  });
})();
