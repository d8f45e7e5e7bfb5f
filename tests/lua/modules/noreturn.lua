-- A module for 6.3-package.lua that returns nothing.
sideEffect = "ran"
