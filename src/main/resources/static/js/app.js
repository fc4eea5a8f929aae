// Gonghui page behaviour. No inline scripts anywhere: the Content-Security-Policy allows only files from this origin.
(function () {
  'use strict';
  // The main menu is a <details> element: folded on phones, always open on wide screens.
  function syncMenu() {
    var menu = document.querySelector('details.menu');
    if (menu && window.matchMedia('(min-width: 800px)').matches) {
      menu.open = true;
    }
  }
  document.addEventListener('DOMContentLoaded', syncMenu);
  window.addEventListener('resize', syncMenu);
})();
