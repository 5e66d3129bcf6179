print("katalog")
