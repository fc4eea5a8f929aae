// Organisation pickers (fragments :: orgPicker): type part of a name, pick from the live search. The
// visible box shows the name; the hidden input next to it carries the id the form submits. Typing after a
// choice clears the id, so a stale choice is never sent under a new name.
(function () {
  'use strict';

  function init(box) {
    var hidden = box.querySelector('input[type=hidden]');
    var input = box.querySelector('.org-picker-input');
    var list = box.querySelector('.org-picker-options');
    var chosen = input.value;
    var timer = null;
    var active = -1;
    var request = 0;

    function close() {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      active = -1;
    }

    function choose(item) {
      // Answers still on their way belong to what was typed before the choice: drop them.
      clearTimeout(timer);
      request++;
      hidden.value = item.getAttribute('data-id');
      input.value = item.getAttribute('data-name');
      chosen = input.value;
      input.setCustomValidity('');
      close();
      hidden.dispatchEvent(new Event('change', { bubbles: true }));
    }

    function highlight(index) {
      var items = list.querySelectorAll('li[role=option]');
      if (!items.length) {
        return;
      }
      active = (index + items.length) % items.length;
      items.forEach(function (li, i) {
        li.setAttribute('aria-selected', i === active ? 'true' : 'false');
      });
      input.setAttribute('aria-activedescendant', items[active].id);
      items[active].scrollIntoView({ block: 'nearest' });
    }

    function render(options) {
      list.innerHTML = '';
      if (!options.length) {
        var none = document.createElement('li');
        none.className = 'empty';
        none.textContent = box.getAttribute('data-empty') || '没有匹配的组织';
        list.appendChild(none);
      }
      options.forEach(function (o, i) {
        var li = document.createElement('li');
        li.id = hidden.id + '-option-' + i;
        li.setAttribute('role', 'option');
        li.setAttribute('data-id', o.id);
        li.setAttribute('data-name', o.name);
        var name = document.createElement('span');
        name.className = 'name';
        name.textContent = o.name;
        li.appendChild(name);
        if (o.trail) {
          var trail = document.createElement('small');
          trail.className = 'trail';
          trail.textContent = o.trail;
          li.appendChild(trail);
        }
        li.addEventListener('mousedown', function (e) {
          e.preventDefault();
          choose(li);
        });
        list.appendChild(li);
      });
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      active = -1;
    }

    function search() {
      var url = box.getAttribute('data-url');
      var q = input.value.trim();
      var mine = ++request;
      fetch(url + (url.indexOf('?') < 0 ? '?' : '&') + 'q=' + encodeURIComponent(q), {
        headers: { Accept: 'application/json' },
        credentials: 'same-origin'
      }).then(function (r) {
        return r.ok ? r.json() : [];
      }).then(function (options) {
        if (mine === request && document.activeElement === input) {
          render(options);
        }
      }).catch(function () { /* the box stays as typed; the server answers on submit */ });
    }

    input.addEventListener('input', function () {
      if (input.value !== chosen) {
        hidden.value = '';
        chosen = null;
      }
      clearTimeout(timer);
      timer = setTimeout(search, 200);
    });
    input.addEventListener('focus', search);
    input.addEventListener('blur', function () {
      close();
      // A name typed but not picked is no choice: say so before the form goes.
      input.setCustomValidity(input.value.trim() && !hidden.value ? (box.getAttribute('data-unpicked') || '请从列表中选择') : '');
    });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown') {
        e.preventDefault();
        if (list.hidden) {
          search();
        }
        else {
          highlight(active + 1);
        }
      }
      else if (e.key === 'ArrowUp') {
        e.preventDefault();
        highlight(active - 1);
      }
      else if (e.key === 'Enter' && !list.hidden && active >= 0) {
        e.preventDefault();
        choose(list.querySelectorAll('li[role=option]')[active]);
      }
      else if (e.key === 'Escape') {
        close();
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('.org-picker').forEach(init);
  });
})();
