"""The booth's services: set-up, the polls, the voter's door, the cast, sealing and export, and the
two Qt-free flows the screens render (the voter's walk and the poll worker's flow).

Below the screens and beside the devices: nothing here imports Qt (an import contract checks it).
"""
