"""The application layer: each step the user takes (issue a notice, print, import, search,
load a meeting file, make a database …) as one call over the store and the documents. The
window (``tr_desk.ui``) and the command line (``tr_desk.cli``) go through it, never to the
store itself; it is plain Python, without Qt."""
