# The staff admin.
