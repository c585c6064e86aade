// Information comparison pages.
// Uploads: the CSRF token is read from urlencoded forms and request headers, never from a multipart
// body, so a file form is sent from here with the token as a header. The answer is followed as the
// browser would: a redirect is opened, a workbook is saved, a page (the form with its error) is shown.
// A batch being matched: its progress is read again every two seconds and swapped in, without reload.
(function () {
  'use strict';

  function filename(response) {
    var disposition = response.headers.get('Content-Disposition') || '';
    var encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
    if (encoded) {
      return decodeURIComponent(encoded[1]);
    }
    var plain = /filename="?([^";]+)"?/i.exec(disposition);
    return plain ? plain[1] : 'download';
  }

  function save(blob, name) {
    var link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.appendChild(link);
    link.click();
    setTimeout(function () {
      URL.revokeObjectURL(link.href);
      link.remove();
    }, 10000);
  }

  function show(html) {
    document.open();
    document.write(html);
    document.close();
  }

  Array.prototype.forEach.call(document.querySelectorAll('form[data-upload]'), function (form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var token = form.querySelector('input[name="_csrf"]');
      var button = form.querySelector('button[type="submit"]');
      var status = form.querySelector('.upload-status');
      if (button) {
        button.disabled = true;
      }
      if (status) {
        status.textContent = status.getAttribute('data-sending');
      }
      fetch(form.action, {
        method: 'POST',
        body: new FormData(form),
        credentials: 'same-origin',
        headers: token ? {'X-XSRF-TOKEN': token.value} : {}
      }).then(function (response) {
        var type = response.headers.get('Content-Type') || '';
        if (response.ok && type.indexOf('spreadsheetml') >= 0) {
          return response.blob().then(function (blob) {
            save(blob, filename(response));
            if (button) {
              button.disabled = false;
            }
            if (status) {
              status.textContent = status.getAttribute('data-saved');
            }
            form.setAttribute('data-downloaded', 'true');
          });
        }
        if (type.indexOf('json') >= 0) {
          // Refused before any page saw it (a file over the platform's size limit): said next to the button.
          if (button) {
            button.disabled = false;
          }
          if (status) {
            status.textContent = status.getAttribute(response.status === 413 ? 'data-too-large' : 'data-failed');
          }
          return null;
        }
        if (response.redirected) {
          window.location.assign(response.url);
          return null;
        }
        return response.text().then(show);
      }).catch(function () {
        if (button) {
          button.disabled = false;
        }
        if (status) {
          status.textContent = status.getAttribute('data-failed');
        }
      });
    });
  });

  var live = document.getElementById('batch-live');
  if (live && live.getAttribute('data-status') === 'PROCESSING') {
    var timer = setInterval(function () {
      fetch(window.location.pathname, {credentials: 'same-origin', headers: {'Accept': 'text/html'}})
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (html) {
          if (!html) {
            return;
          }
          var next = new DOMParser().parseFromString(html, 'text/html').getElementById('batch-live');
          var current = document.getElementById('batch-live');
          if (next && current) {
            current.replaceWith(document.importNode(next, true));
            if (next.getAttribute('data-status') !== 'PROCESSING') {
              clearInterval(timer);
            }
          }
        })
        .catch(function () { /* the next round tries again */ });
    }, 2000);
  }
}());
