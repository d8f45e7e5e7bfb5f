-- A module for 6.3-package.lua that raises an error while loading.
error("raised while loading")
