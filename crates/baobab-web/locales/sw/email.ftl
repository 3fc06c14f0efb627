# E-mails to customers and staff.
